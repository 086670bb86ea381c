import { useId } from 'react';
import { useTranslator } from './useTranslator.ts';

export interface MessageFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The text sent with the next files (`fields.message` of the first file). */
export function MessageField({ value, onChange }: MessageFieldProps) {
  const translator = useTranslator();
  const id = useId();
  return (
    <div className="cd-message">
      <label className="cd-message__label" htmlFor={id}>
        {translator.t('messageLabel')}
      </label>
      <textarea
        id={id}
        className="cd-input cd-message__input"
        data-testid="message-input"
        rows={2}
        dir="auto"
        value={value}
        placeholder={translator.t('messagePlaceholder')}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
