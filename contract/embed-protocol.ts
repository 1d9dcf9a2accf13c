/**
 * The embed protocol's constants, shared by the message schemas (embed.ts) and the embed script
 * (embed-api.ts). Free of zod so the script a merchant page loads carries none of it.
 */
export const EMBED_PROTOCOL = 'mandate-checkout'
export const EMBED_VERSION = 1

/**
 * The embed script's own semantic version (docs/embed-changelog.md): a merchant sees it in the
 * first line of /embed.js and in its X-Embed-Script-Version header. Its major moves with
 * EMBED_VERSION (the message protocol) or any change a merchant's page must follow; its minor
 * with an added option or event; its patch with a fix.
 */
export const EMBED_SCRIPT_VERSION = '1.0.0'

/** An embed instance id: the embed script's random name for one frame, on every message. */
export const EMBED_INSTANCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

/** Query parameters the embed script puts on the frame's URL (none of them secret). */
export const EMBED_PARAMS = { instance: 'embed_instance', hostOrigin: 'embed_origin', theme: 'theme', brand: 'brand', logo: 'logo' } as const
