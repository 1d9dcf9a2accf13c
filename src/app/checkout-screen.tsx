import type { MessageKey } from '../i18n/en'
import { useI18n } from '../i18n/i18n-context'
import { Suspense, useEffect } from 'react'
import { shownView } from '../lib/page-signals'
import { LoadingScreen } from '../features/session/components/loading-screen'
import { UnreachableScreen } from '../features/session/components/unreachable-screen'
import { PageFrame } from './page-frame'
import { OpenSession } from './open-session'
import { CancelledScreen, ExpiredScreen, FailureStep, LinkErrorScreen, SuccessStep } from './lazy-parts'
import type { SessionControl } from './session-control'
import type { Screen } from './screen'

function statusKey(screen: Screen): MessageKey {
  switch (screen.name) {
    case 'loading':
      return 'state.loading.status'
    case 'ready':
      return 'state.ready.status'
    case 'unreachable':
      return screen.retrying ? 'state.retrying' : 'state.unreachable.heading'
    default:
      return `state.${screen.name}.heading`
  }
}

/** The frame plus the one screen the session's state calls for. `control` is there once a session is loaded. */
export function CheckoutScreen({ screen, control }: { screen: Screen; control?: SessionControl }) {
  const { t } = useI18n()
  const view = 'view' in screen ? screen.view : null
  const merchant = view?.merchant ?? null
  useEffect(() => {
    if (view) shownView.set(view)
  }, [view])
  return (
    <PageFrame merchant={merchant} status={t(statusKey(screen))}>
      {screen.name === 'loading' && <LoadingScreen />}
      {screen.name === 'ready' && control && <OpenSession view={screen.view} control={control} />}
      <Suspense fallback={null}>
        {screen.name === 'expired' && (
          <ExpiredScreen merchantName={screen.view.merchant.name} returnUrl={screen.view.returnUrl} planChange={screen.view.planChange !== null} />
        )}
        {screen.name === 'cancelled' && <CancelledScreen merchantName={screen.view.merchant.name} cancelUrl={screen.view.cancelUrl} />}
        {screen.name === 'completed' &&
          (screen.view.outcome ? (
            <SuccessStep view={screen.view} />
          ) : (
            <FailureStep view={screen.view} attempt={screen.view.attempt} onRetry={null} onOtherWay={null} />
          ))}
        {screen.name === 'notFound' && <LinkErrorScreen reason="not_found" />}
        {screen.name === 'malformed' && <LinkErrorScreen reason="malformed" />}
      </Suspense>
      {screen.name === 'unreachable' && <UnreachableScreen onRetry={screen.retry} retrying={screen.retrying} />}
    </PageFrame>
  )
}
