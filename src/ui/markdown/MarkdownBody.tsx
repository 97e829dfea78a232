import { memo, useEffect, useMemo, useState, type ComponentProps } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { BlockedImage } from './BlockedImage.tsx';
import { extrasKey, loadExtrasFor, type MarkdownExtras } from './extras.ts';
import { splitBlocks } from './blocks.ts';
import { safeLinkUrl } from './links.ts';
import { remarkVisibleDefinitions } from './visible-definitions.ts';

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

/** One top-level block. Memoized: a finished block keeps its rendering while the reply streams on. */
const MarkdownBlock = memo(function MarkdownBlock({
  source,
  remarkPlugins,
  rehypePlugins,
}: {
  source: string;
  remarkPlugins: Options['remarkPlugins'];
  rehypePlugins: Options['rehypePlugins'];
}) {
  return (
    <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={COMPONENTS}>
      {source}
    </Markdown>
  );
});

/**
 * Renders untrusted model output as markdown: raw HTML stays text, links are limited to http(s)/mailto and
 * open without an opener or referrer, images wait for a click, and nothing is hidden (link definitions show as
 * text). Code highlighting and math load on demand. Each top-level block renders on its own, so a streaming
 * reply re-parses only its last block.
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
  const remarkPlugins = useMemo(
    () => [remarkGfm, remarkVisibleDefinitions, ...active.remarkPlugins],
    [active.remarkPlugins],
  );
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <>
      {blocks.map((block, index) => (
        <MarkdownBlock key={index} source={block} remarkPlugins={remarkPlugins} rehypePlugins={active.rehypePlugins} />
      ))}
    </>
  );
}
