import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  fallback: (retry: () => void) => ReactNode
  onReset: () => void
  children: ReactNode
}

/** Catches what nothing else expected (a contract break, a bug) and offers a retry instead of a blank page. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('checkout failed', error, info.componentStack)
  }

  private readonly retry = () => {
    this.props.onReset()
    this.setState({ failed: false })
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children
  }
}
