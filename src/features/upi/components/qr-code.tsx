import { useEffect, useState } from 'react'
import { Skeleton } from '../../../components/ui/skeleton'

const loadDrawing = () => import('../qr-drawing')

/** The QR code of `text`, drawn in the browser as one SVG path; the encoder loads only when a QR is shown. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<{ text: string; size: number; path: string } | null>(null)
  useEffect(() => {
    let current = true
    void loadDrawing().then(({ qrDrawing }) => {
      if (current) setDrawn({ text, ...qrDrawing(text) })
    })
    return () => {
      current = false
    }
  }, [text])
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
