/** The diagram frozen as a ```mermaid block; the fence is longer than any backtick run inside, so it cannot close early. */
export function renderDiagram(mermaid: string): string {
  const body = mermaid.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  if (body === '') return '_The attached design has no diagram yet._';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}mermaid\n${body}\n${fence}`;
}
