/** The room: until the facilitator store lands, an empty room with its composer. */
export function App() {
  return (
    <div className="flex h-dvh flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h1 className="text-lg font-semibold">PeerChat</h1>
        <span className="text-sm text-slate-500">Think with several AIs at once</span>
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-2 p-6 text-center" aria-label="Transcript">
        <p className="text-base font-medium">The room is empty.</p>
        <p className="text-sm text-slate-500">Add peers to start a conversation.</p>
      </main>
      <form
        className="flex gap-2 border-t border-slate-200 p-3 dark:border-slate-800"
        onSubmit={(e) => e.preventDefault()}
      >
        <textarea
          aria-label="Message"
          rows={2}
          className="flex-1 resize-none rounded-md border border-slate-300 bg-transparent p-2 dark:border-slate-700"
          placeholder="Write to the room… (@mention a peer)"
        />
        <button type="submit" disabled className="rounded-md bg-indigo-600 px-4 text-white disabled:opacity-50">
          Send
        </button>
      </form>
    </div>
  );
}
