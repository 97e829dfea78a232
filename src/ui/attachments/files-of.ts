/** The files a drop or a paste carries (a pasted screenshot is one; text is none). */
export function filesOf(data: DataTransfer | null): File[] {
  return data ? [...data.files] : [];
}
