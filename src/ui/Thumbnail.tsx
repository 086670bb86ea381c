import { useEffect, useRef } from 'react';

/**
 * A small preview of an image file. The object URL lives exactly as long as this effect: created
 * on mount, revoked on unmount or when the file changes, so previews never leak memory.
 */
export function Thumbnail({ file }: { readonly file: Blob }) {
  const image = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const element = image.current;
    if (!element || typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(file);
    element.src = url;
    return () => {
      element.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [file]);
  return <img ref={image} alt="" decoding="async" />;
}
