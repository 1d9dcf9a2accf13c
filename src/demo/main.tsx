import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './demo.css'
import { DemoPage } from './demo-page'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DemoPage />
    </StrictMode>,
  )
}
