/**
 * Collects the files of a drop or a file picker, walking dropped folders
 * through the File and Directory Entries API, with each file's path
 * inside the dropped folder.
 */

export interface PickedFile {
  file: File;
  path: string;
}

/** Collects the files of a drop; folders are walked in full. */
export async function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return filesFromList(transfer.files);

  const picked: PickedFile[] = [];
  for (const entry of entries) await walk(entry, picked);
  return picked;
}

/** Collects the files of an `<input type="file">`, with folder paths for a folder picker. */
export function filesFromList(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

async function walk(entry: FileSystemEntry, picked: PickedFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\//, '');
  if (isFile(entry)) {
    picked.push({ file: await new Promise<File>((resolve, reject) => entry.file(resolve, reject)), path });
    return;
  }
  if (!isDirectory(entry)) return;

  const reader = entry.createReader();
  // readEntries returns the folder's entries in groups; an empty group means the end.
  for (;;) {
    const group = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (group.length === 0) break;
    for (const child of group.sort((a, b) => a.name.localeCompare(b.name))) await walk(child, picked);
  }
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
