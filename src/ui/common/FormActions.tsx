/** A form's submit and Cancel buttons, side by side (the peer and mode forms). */
export function FormActions({ submitLabel, onCancel }: { submitLabel: string; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700"
      >
        {submitLabel}
      </button>
      <button
        type="button"
        onClick={onCancel}
        className="rounded-md px-3 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        Cancel
      </button>
    </div>
  );
}
