import { useI18n } from '../../../i18n/i18n-context'
import { ScreenHeading } from '../../../components/ui/screen-heading'
import { Skeleton } from '../../../components/ui/skeleton'

/** Shown while the session is fetched (dev server and the client-secret path; never with boot data). */
export function LoadingScreen() {
  const { t } = useI18n()
  return (
    <section aria-labelledby="loading-heading" aria-busy="true" className="flex flex-col gap-6">
      <ScreenHeading screen="loading" id="loading-heading">
        {t('state.loading.heading')}
      </ScreenHeading>
      <Skeleton className="h-12 w-48" />
      <div className="flex flex-col gap-3">
        <Skeleton className="h-5 w-full" />
        <Skeleton className="h-5 w-5/6" />
        <Skeleton className="h-5 w-2/3" />
      </div>
      <Skeleton className="h-16 w-full" />
      <Skeleton className="h-16 w-full" />
    </section>
  )
}
