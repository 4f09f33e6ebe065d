/** A form post's body, as a browser sends it: a field given a list is sent once per item. */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of [value].flat()) data.append(key, one);
  }
  return data;
}
