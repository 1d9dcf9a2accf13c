import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { Skeleton } from '../../../components/ui/skeleton'

/** While the request is being created: a short note and a placeholder where it will show. */
export function Preparing() {
  const { t } = useAreaText(upiCatalogs)
  return (
    <div aria-busy="true" className="flex flex-col gap-3">
      <p className="text-base text-slate-700">{t('upi.starting')}</p>
      <Skeleton className="h-16 w-full" />
    </div>
  )
}
