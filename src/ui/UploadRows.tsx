import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { UploadItem } from '../core/types.ts';
import { UploadRow, type UploadRowProps } from './UploadRow.tsx';
import { useTranslator } from './useTranslator.ts';

/** Above this many rows only the visible ones are rendered (must stay smooth with 500 files). */
export const VIRTUALIZE_FROM = 40;
const ROW_ESTIMATE_PX = 68;

export interface UploadRowsProps extends Omit<UploadRowProps, 'item' | 'file'> {
  readonly items: readonly UploadItem[];
  readonly fileFor: (item: UploadItem) => File | undefined;
}

/** Rows for the given items; virtualized with @tanstack/react-virtual when the list is long. */
export function UploadRows({ items, fileFor, ...actions }: UploadRowsProps) {
  const translator = useTranslator();
  if (items.length === 0) return null;
  if (items.length < VIRTUALIZE_FROM) {
    // The same height cap as the long list (rows.css). No tab stop of its own: rows have
    // buttons, and focusing one scrolls it into view.
    return (
      <div className="cd-list-scroll">
        <ul className="cd-list" aria-label={translator.t('listLabel')}>
          {items.map((item) => (
            <li key={item.id} className="cd-list__item">
              <UploadRow item={item} file={fileFor(item)} {...actions} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <VirtualUploadList items={items} fileFor={fileFor} {...actions} />;
}

function VirtualUploadList({ items, fileFor, ...actions }: UploadRowsProps) {
  const translator = useTranslator();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read only during this render
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? index,
    // jsdom and the first paint have no layout yet: assume a panel-sized viewport.
    initialRect: { width: 360, height: 420 },
  });
  const virtualRows = virtualizer.getVirtualItems();
  return (
    <div
      className="cd-list-scroll cd-list-scroll--virtual"
      ref={scrollRef}
      tabIndex={0}
      aria-label={translator.t('listLabel')}
      role="region"
    >
      <ul className="cd-list cd-list--virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="cd-list__item cd-list__item--virtual"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <UploadRow item={item} file={fileFor(item)} {...actions} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
