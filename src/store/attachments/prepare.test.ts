import { describe, expect, it } from 'vitest';
import { attachmentKindOf, prepareAttachment, sha256Hex } from './prepare.ts';
import { minimalPdf } from './testing/minimal-pdf.ts';

describe('prepareAttachment', () => {
  it('names a text file by the SHA-256 of its bytes and keeps its text', async () => {
    const prepared = await prepareAttachment(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    // sha256("hello")
    expect(prepared.ref).toEqual({
      id: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      name: 'notes.txt',
      mimeType: 'text/plain',
      size: 5,
      kind: 'text',
    });
    expect(prepared.text).toBe('hello');
  });

  it('gives the same id to the same bytes under another name (stored once)', async () => {
    const a = await prepareAttachment(new File(['same'], 'a.md'));
    const b = await prepareAttachment(new File(['same'], 'b.py'));
    expect(a.ref.id).toBe(b.ref.id);
    expect(a.ref.id).toBe(await sha256Hex(new TextEncoder().encode('same')));
  });

  it('extracts the text of a PDF with pdf.js', async () => {
    const bytes = minimalPdf('Quarterly revenue grew 12 percent');
    const prepared = await prepareAttachment(new File([bytes as BlobPart], 'report.pdf', { type: 'application/pdf' }));
    expect(prepared.ref.kind).toBe('pdf');
    expect(prepared.text).toBe('Quarterly revenue grew 12 percent');
  });

  it('refuses, naming the file, what it cannot take', async () => {
    await expect(prepareAttachment(new File(['x'], 'doc.docx', { type: 'application/msword' }))).rejects.toThrow(
      '"doc.docx" cannot be attached',
    );
    await expect(prepareAttachment(new File([new Uint8Array([0xff, 0xfe, 0x00])], 'bin.txt'))).rejects.toThrow(
      '"bin.txt" is not UTF-8 text',
    );
    await expect(prepareAttachment(new File(['not a pdf'], 'fake.pdf'))).rejects.toThrow(
      '"fake.pdf" could not be read as a PDF.',
    );
  });

  it('knows images, PDFs and code files by type or name', () => {
    expect(attachmentKindOf({ name: 'x.gif', type: 'image/gif' })).toBe('image');
    expect(attachmentKindOf({ name: 'x.svg', type: 'image/svg+xml' })).toBeNull();
    expect(attachmentKindOf({ name: 'main.rs', type: '' })).toBe('text');
    expect(attachmentKindOf({ name: 'paper.PDF', type: '' })).toBe('pdf');
  });
});
