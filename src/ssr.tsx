/** The server renderer's entry (`vite build --ssr`, into dist/ssr/ssr.js), which the sandbox imports at start. */
export { renderFirstScreen } from './app/server-render'
