/** Focus a box once React Flow has drawn it, so arrow keys move it right away. It is drawn a frame or more later (more on a busy machine), so poll;
 * focusing in the very first frame loses focus again while the canvas settles, hence the extra frame before. */
export function focusWhenDrawn(id: string, framesLeft = 60): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (el) el.focus();
    else if (framesLeft > 0) focusWhenDrawn(id, framesLeft - 1);
  });
}
