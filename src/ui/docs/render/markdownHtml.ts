import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Documents can come from anyone (a shared pack), so nothing they contain may run: no raw HTML survives
 *  DOMPurify's allow-list, links cannot use javascript: or data:, and there are no forms, frames or styles. */
const PURIFY = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'svg', 'math'],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
  ALLOW_DATA_ATTR: false,
};

let hooked = false;
function hook(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    // Images only from data: URLs of raster types or same-origin paths: no tracking pixels, no SVG scripts.
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!/^data:image\/(png|jpeg|gif|webp);/i.test(src) && !/^\/(?!\/)/.test(src)) node.removeAttribute('src');
    }
  });
}

/** Markdown to sanitised HTML. Huge inputs are cut, with a note, rather than freezing the tab. */
export function renderMarkdown(md: string, maxChars = 500_000): string {
  hook();
  const text = md.length > maxChars ? `${md.slice(0, maxChars)}\n\n*(preview cut at ${maxChars.toLocaleString()} characters)*` : md;
  const html = marked.parse(text, { gfm: true, async: false });
  return DOMPurify.sanitize(html, PURIFY);
}
