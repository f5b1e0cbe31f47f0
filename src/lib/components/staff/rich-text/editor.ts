import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { cleanPastedHtml } from './paste';

export interface RichTextOptions {
  element: HTMLElement;
  /** What the field held before the editor came: HTML, or plain text typed before the script loaded. */
  content: string;
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  /** The language of the text itself (the toolbar speaks the interface language). */
  lang: string;
  onChange(html: string): void;
  /** Any change of content or selection: the toolbar redraws which buttons are pressed. */
  onState(): void;
}

const webAddress = /^(https?:|mailto:|tel:)/i;

/**
 * The tiptap editor of a rich-text field, limited to what the server's sanitiser keeps
 * (src/lib/server/content/rich-text.ts): paragraphs, headings 2 and 3, bold, italic, underline,
 * strike, links, lists and quotes. No code, no rules, no images: they would only vanish on save.
 * Loaded only on pages with a rich-text field, by a dynamic import.
 */
export function createRichTextEditor(options: RichTextOptions): Editor {
  return new Editor({
    element: options.element,
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        horizontalRule: false,
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: 'https',
          HTMLAttributes: { target: null, rel: 'noopener' },
          isAllowedUri: (url) => webAddress.test(url)
        }
      })
    ],
    content: asHtml(options.content),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': options.labelledBy,
        ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        ...(options.invalid ? { 'aria-invalid': 'true' } : {}),
        lang: options.lang,
        class: 'prose rich-text-content'
      },
      transformPastedHTML: cleanPastedHtml
    },
    onUpdate: ({ editor }) => options.onChange(editor.isEmpty ? '' : editor.getHTML()),
    onTransaction: () => options.onState()
  });
}

/** An address typed without its scheme ("museum.ru") is a web address. */
export function linkAddress(typed: string): string | null {
  const address = typed.trim();
  if (!address) return null;
  if (webAddress.test(address)) return address;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return `mailto:${address}`;
  return `https://${address}`;
}

/** Plain text (typed before the script loaded, or an old field) becomes paragraphs. */
export function asHtml(content: string): string {
  if (/<[a-z][\s\S]*>/i.test(content)) return content;
  return content
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
