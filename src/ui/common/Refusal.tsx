/** Why the app refused what the user asked (a store refusal, a bad file), announced at once. */
export function Refusal({
  id,
  size = 'sm',
  className = '',
  children,
}: {
  id?: string;
  size?: 'xs' | 'sm';
  className?: string;
  children: string;
}) {
  return (
    <p
      id={id}
      role="alert"
      className={`${size === 'xs' ? 'text-xs' : 'text-sm'} text-red-700 dark:text-red-300 ${className}`.trim()}
    >
      {children}
    </p>
  );
}
