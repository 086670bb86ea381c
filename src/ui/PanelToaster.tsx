import { useEffect, useRef } from 'react';
import { Toaster } from 'sonner';

/**
 * sonner's Toaster, placed in the panel's flow below the list (see toasts.css): a toast takes its own
 * space below the list instead of floating over a row's controls, and one toast shows at a time.
 * Silent for screen readers: the panel's live region (QueueAnnouncer) already says every outcome,
 * and sonner's region would say it a second time. sonner has no option for that (its Toaster
 * renders `aria-live="polite"`, sonner `src/index.tsx`), so the attribute is turned off here once;
 * React leaves it alone afterwards because sonner's prop never changes.
 */
export function PanelToaster({
  label,
  dir,
}: {
  readonly label: string;
  readonly dir: 'ltr' | 'rtl';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('section[aria-live]')?.setAttribute('aria-live', 'off');
  });
  return (
    <div className="cd-toasts" ref={ref}>
      <Toaster
        position="bottom-center"
        visibleToasts={1}
        closeButton
        richColors
        theme="system"
        containerAriaLabel={label}
        dir={dir}
      />
    </div>
  );
}
