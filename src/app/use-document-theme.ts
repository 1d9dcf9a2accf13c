import { useEffect, useSyncExternalStore } from 'react'
import type { Theme } from '../../contract/appearance'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function subscribeToScheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
const prefersDark = () => window.matchMedia(DARK_QUERY).matches

/**
 * Puts `data-theme="light|dark"` on the document for styles.css; `auto` follows the device and
 * changes with it.
 */
export function useDocumentTheme(theme: Theme): void {
  // The server cannot know the device's scheme: it renders light, and hydration starts from that.
  const deviceDark = useSyncExternalStore(subscribeToScheme, prefersDark, () => false)
  const dark = theme === 'dark' || (theme === 'auto' && deviceDark)
  useEffect(() => {
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light'
  }, [dark])
}
