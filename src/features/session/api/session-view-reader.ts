import { SessionView } from '../../../../contract/session'
import { ContractBreak } from '../../../lib/write-result'

/** A session view the page API answered, or a contract break for the error boundary. */
export function readSessionView(body: unknown): SessionView {
  const parsed = SessionView.safeParse(body)
  if (!parsed.success) throw new ContractBreak(parsed.error.message)
  return parsed.data
}
