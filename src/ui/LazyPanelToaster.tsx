import { createLazyPart } from './createLazyPart.tsx';

// sonner (its Toaster and styles' logic) is a separate chunk, fetched as soon as the panel is on
// screen: no toast is shown before a file has been sent (issue 13's startup budget,
// docs/PERFORMANCE.md). Until it arrives nothing renders in the toasts' place.
const panelToaster = createLazyPart(async () => (await import('./PanelToaster.tsx')).PanelToaster);

/** PanelToaster, its code (and sonner's) loaded when the panel first renders. */
export const LazyPanelToaster = panelToaster.Component;
