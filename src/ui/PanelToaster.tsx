import { useEffect, useRef } from 'react';
import { Toaster } from 'sonner';

/**
 * sonner's Toaster, over the drop zone (see toasts.css), one toast at a time.
 * In the tab order like any other part of the panel: sonner keeps its toasts out of it (reached by
 * a hotkey) and, when focus leaves them, sends it back to where it came from (its list's
 * onFocus/onBlur, sonner `src/index.tsx`). In the flow that is a keyboard trap: Tab past the last
 * toast button lands on the element before the toasts again (WCAG 2.1.2). So focus events inside
 * the toaster stop here, before they reach sonner's list; nothing else of sonner listens to them.
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
    <div
      className="cd-toasts"
      ref={ref}
      onFocusCapture={(event) => event.stopPropagation()}
      onBlurCapture={(event) => event.stopPropagation()}
    >
      <Toaster
        position="top-center"
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
