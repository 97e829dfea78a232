import { useEffect, useState, type ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { BlockedImage } from './BlockedImage';
import { extrasKey, loadExtrasFor, type MarkdownExtras } from './extras';
import { safeLinkUrl } from './links';

const NO_EXTRAS: MarkdownExtras = { remarkPlugins: [], rehypePlugins: [] };

function SafeLink({ href, children }: ComponentProps<'a'>) {
  const url = href ? safeLinkUrl(href) : '';
  if (!url) return <span className="underline decoration-dotted">{children}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-indigo-600 underline dark:text-indigo-400"
    >
      {children}
    </a>
  );
}

const COMPONENTS: Components = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
  img: ({ src, alt }) => <BlockedImage src={typeof src === 'string' ? src : undefined} alt={alt} />,
};

/**
 * Renders untrusted model output as markdown: raw HTML stays text, links are limited to http(s)/mailto and
 * open without an opener or referrer, images wait for a click. Code highlighting and math load on demand.
 */
export default function MarkdownBody({ text }: { text: string }) {
  const key = extrasKey(text);
  const [extras, setExtras] = useState<{ key: string; value: MarkdownExtras }>({ key: '', value: NO_EXTRAS });
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void loadExtrasFor(text).then((value) => {
      if (current) setExtras({ key, value });
    });
    return () => {
      current = false;
    };
    // Reload only when the set of extras changes, not on every streamed token.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const active = extras.key === key ? extras.value : NO_EXTRAS;
  return (
    <Markdown
      remarkPlugins={[remarkGfm, ...active.remarkPlugins]}
      rehypePlugins={active.rehypePlugins}
      components={COMPONENTS}
    >
      {text}
    </Markdown>
  );
}
