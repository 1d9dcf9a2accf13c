import './styles.css'
import { mountCheckout } from './app/mount'

const root = document.getElementById('root')
if (root) void mountCheckout(root)
