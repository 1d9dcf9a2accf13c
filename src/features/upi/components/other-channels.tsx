import type { UpiChannel } from '../../../../contract/instrument'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'

interface OtherChannelsProps {
  current: UpiChannel
  allowed: readonly UpiChannel[]
  disabled: boolean
  onChoose: (channel: UpiChannel) => void
}

/** "Pay another way": the merchant's other allowed UPI channels. */
export function OtherChannels({ current, allowed, disabled, onChoose }: OtherChannelsProps) {
  const { t } = useAreaText(upiCatalogs)
  const others = allowed.filter((channel) => channel !== current)
  if (others.length === 0) return null
  return (
    <div role="group" aria-labelledby="other-ways" className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <p id="other-ways" className="text-sm font-semibold text-slate-700">
        {t('upi.other.label')}
      </p>
      <div className="flex flex-wrap gap-3">
        {others.map((channel) => (
          <button
            key={channel}
            type="button"
            disabled={disabled}
            onClick={() => onChoose(channel)}
            className="min-h-11 rounded-lg border-2 border-slate-300 px-4 font-semibold text-slate-900 hover:border-slate-500 disabled:cursor-not-allowed"
          >
            {t(`upi.other.${channel}`)}
          </button>
        ))}
      </div>
    </div>
  )
}
