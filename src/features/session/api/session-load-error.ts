/** Why the session could not be loaded, in the terms the page shows. */
export type SessionFailure = 'not_found' | 'malformed' | 'unreachable' | 'invalid_response'

export class SessionLoadError extends Error {
  constructor(readonly failure: SessionFailure, detail?: string) {
    super(detail ? `session ${failure}: ${detail}` : `session ${failure}`)
    this.name = 'SessionLoadError'
  }
}
