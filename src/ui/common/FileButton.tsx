import type { ChangeEvent } from 'react';

/**
 * A button-looking label over a transparent file input that covers it, so the whole control takes the click and the
 * input keeps the label as its accessible name. Hands over the chosen file's text, then clears the input so the same
 * file can be chosen again.
 */
export function FileButton({
  label,
  accept,
  onText,
}: {
  label: string;
  accept: string;
  onText: (text: string, fileName: string) => void;
}) {
  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    onText(text, file.name);
  };
  return (
    <label className="relative inline-flex cursor-pointer items-center self-start rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800">
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(event) => void load(event)}
        className="absolute inset-0 w-full cursor-pointer opacity-0"
      />
    </label>
  );
}
