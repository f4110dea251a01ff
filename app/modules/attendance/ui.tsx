// The signature field of the sign-in sheets: without JavaScript, the typed name with a tick; with
// it, a choice between drawing (signature_pad on a canvas, sent as a PNG data URL) and typing.
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { useT } from '#app/ui/i18n.tsx'

function DrawnSignature({ name, labelId }: { name: string; labelId: string }) {
  const t = useT()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const [value, setValue] = useState('')
  const padRef = useRef<{ clear: () => void; off: () => void } | null>(null)
  useEffect(() => {
    let cancelled = false
    const canvas = canvasRef.current
    if (!canvas) return
    void import('signature_pad').then(({ default: SignaturePad }) => {
      if (cancelled) return
      // Scale for sharp lines on high-density screens.
      const ratio = Math.max(window.devicePixelRatio || 1, 1)
      canvas.width = canvas.offsetWidth * ratio
      canvas.height = canvas.offsetHeight * ratio
      canvas.getContext('2d')?.scale(ratio, ratio)
      const pad = new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)' })
      pad.addEventListener('endStroke', () => setValue(pad.isEmpty() ? '' : pad.toDataURL('image/png')))
      padRef.current = { clear: () => pad.clear(), off: () => pad.off() }
    })
    return () => {
      cancelled = true
      padRef.current?.off()
    }
  }, [])
  return (
    <div className="space-y-2">
      <canvas
        ref={canvasRef}
        role="img"
        aria-labelledby={labelId}
        data-testid="signature-canvas"
        className="h-40 w-full touch-none rounded-md border-2 border-stone-500 bg-white"
      />
      <input type="hidden" name={name} value={value} />
      <button
        type="button"
        className="btn-secondary px-3 py-1"
        onClick={() => {
          padRef.current?.clear()
          setValue('')
        }}
      >
        {t('attendance.drawn.clear')}
      </button>
    </div>
  )
}

const noSubscription = () => () => {}

/** The fields `method`, `signature`, `name`, `confirmed` of a signature form (see schema.ts). */
export function SignatureFields({ defaultName = '', nameLabel }: { defaultName?: string; nameLabel?: string }) {
  const t = useT()
  const id = useId()
  // The drawn signature needs JavaScript; without it the form offers the typed name only.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [method, setMethod] = useState<'drawn' | 'typed'>('typed')
  return (
    <div className="space-y-3">
      {hydrated ? (
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t('attendance.method')}</legend>
          {(['typed', 'drawn'] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              {t(m === 'drawn' ? 'attendance.method.drawn' : 'attendance.method.typed')}
            </label>
          ))}
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="method" value="typed" />
          <p className="text-sm text-stone-700">{t('attendance.drawn.noJs')}</p>
        </>
      )}
      {method === 'drawn' ? (
        <div className="space-y-1">
          <p id={`${id}-drawn`} className="text-sm font-semibold">
            {t('attendance.drawn.label')}
          </p>
          <DrawnSignature name="signature" labelId={`${id}-drawn`} />
        </div>
      ) : (
        <div className="space-y-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-name`} className="block font-semibold">
              {nameLabel ?? t('attendance.typed.name')}
            </label>
            <input id={`${id}-name`} name="name" defaultValue={defaultName} autoComplete="name" className="input w-full" required />
          </div>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="confirmed" value="on" required className="mt-1" />
            <span>{t('attendance.typed.confirm')}</span>
          </label>
        </div>
      )}
    </div>
  )
}
