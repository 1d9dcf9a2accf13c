import { useEffect, useState } from 'react'
import { Skeleton } from '../../../components/ui/skeleton'

const loadDrawing = () => import('../qr-drawing')

/**
 * The QR code of `text`, drawn in the browser as one SVG path; the encoder loads only when a QR is
 * shown. An encoder that cannot be fetched goes to the page's error boundary, whose Retry fetches
 * it again, instead of leaving a placeholder where the code should be.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<{ text: string; size: number; path: string } | null>(null)
  const [failed, setFailed] = useState<{ error: unknown } | null>(null)
  useEffect(() => {
    let current = true
    loadDrawing().then(
      ({ qrDrawing }) => {
        if (current) setDrawn({ text, ...qrDrawing(text) })
      },
      (error: unknown) => {
        if (current) setFailed({ error })
      },
    )
    return () => {
      current = false
    }
  }, [text])
  if (failed) throw failed.error
  if (drawn?.text !== text) return <Skeleton className="mx-auto size-64" />
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      shapeRendering="crispEdges"
      className="mx-auto size-64 bg-[#ffffff]"
    >
      <path d={drawn.path} fill="#000000" />
    </svg>
  )
}
