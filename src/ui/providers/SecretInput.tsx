import { useEffect, useRef } from 'react';

/**
 * A password field whose value lives only in the DOM property, never in the `value` attribute (a controlled React
 * input mirrors its value into the attribute, where CSS selectors and DOM dumps could read it).
 */
export function SecretInput({
  id,
  value,
  onChange,
  placeholder,
  className,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.value !== value) ref.current.value = value;
  }, [value]);
  return (
    <input
      ref={ref}
      id={id}
      type="password"
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
      className={className}
    />
  );
}
