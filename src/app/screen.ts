import type { SessionView } from '../../contract/session'

/** Every screen the page can show, each with the data it needs. */
export type Screen =
  | { name: 'loading' }
  | { name: 'ready'; view: SessionView }
  | { name: 'expired'; view: SessionView }
  | { name: 'completed'; view: SessionView }
  | { name: 'cancelled'; view: SessionView }
  | { name: 'notFound' }
  | { name: 'malformed' }
  | { name: 'unreachable'; retry: () => void; retrying: boolean }

/** A loaded session's screen follows its state: open sessions can be paid, the others cannot. */
export function screenForView(view: SessionView): Screen {
  switch (view.state) {
    case 'open':
      return { name: 'ready', view }
    case 'expired':
      return { name: 'expired', view }
    case 'completed':
      return { name: 'completed', view }
    case 'cancelled':
      return { name: 'cancelled', view }
  }
}
