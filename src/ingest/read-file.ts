/**
 * One input file → its sheet grids. Checks size, container and zip survey before any parser runs,
 * and turns every way a file can be unreadable into a YijianError with a stable code.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { YijianError } from '../errors.js';
import { controlFinding, removeControlCharacters } from './control-chars.js';
import type { ReaderFinding } from '../notices.js';
import { cellText, type SheetGrid } from './grid.js';
import { DEFAULT_LIMITS, normalizeIngestOptions, type IngestLimits, type IngestOptions } from './options.js';
import { decodeText } from './encoding.js';
import { detectDelimiter, parseDelimitedText, withoutSeparatorLine } from './read-csv.js';
import { readWorkbookBytes, type Workbook } from './read-workbook.js';
import { WorkbookWorkers } from './workbook-worker.js';
import { isEncryptedOle2, sniffContainer, surveyZip, withoutStrayNuls, checkZipStreams } from './sniff.js';
import { scanXlsx, type WorkbookOrigin } from './xlsx-scan.js';
import { isOdsPackage, scanOds, scanOdsXml } from './ods-scan.js';
import { docxBlocks, wordDocumentKind, wordGrid, type WordDocumentKind } from './read-docx.js';

/** The extensions yijian reads, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.ods', '.fods', '.csv', '.tsv', '.docx'];

/** What one file gave: its sheets, the detected text encoding for CSV/TSV (null for workbooks), and notes for staff. */
export interface FileSheets {
  grids: SheetGrid[];
  encoding: string | null;
  /** Things read but worth checking (mixed encodings, control characters removed), reported as sheet problems. */
  warnings?: ReaderFinding[];
  /** Set when the workbook carries yijian's own marker: a file an earlier run wrote. */
  origin?: WorkbookOrigin;
  /** Set for a Word document that holds no opinions (the draft's text, a notice): it has no grids and is left out. */
  notOpinions?: Exclude<WordDocumentKind, { kind: 'opinions' }>;
}

/**
 * Reads one file from disk into sheet grids; throws YijianError (E_UNSUPPORTED_FORMAT, E_EMPTY_FILE, …).
 * Workbooks are parsed by a worker of `workers` (the caller's, kept between files), or without them by a
 * worker started for this file and ended after it.
 */
export async function readFileSheets(path: string, options: IngestOptions, workers?: WorkbookWorkers): Promise<FileSheets> {
  const extension = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(extension)) {
    throw new YijianError('E_UNSUPPORTED_FORMAT', `不支持的文件类型“${extension || '（无扩展名）'}”，只能读取 .xlsx、.xls、.ods、.csv、.tsv 和 Word 文档（.docx）。`, {
      hint: '请把意见表另存为 Excel（.xlsx）或 CSV 后再试。',
    });
  }
  let size: number;
  try {
    const info = await stat(path);
    // A device (/dev/zero, /dev/urandom), a named pipe or a socket never ends: only regular files are read.
    if (!info.isFile()) {
      throw new YijianError('E_UNSUPPORTED_FORMAT', '这不是普通文件（是设备、管道、套接字或文件夹），无法作为意见表读取。', {
        hint: '请给出意见表文件本身的路径。',
      });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof YijianError) throw error;
    const loop = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ELOOP';
    throw new YijianError('E_FILE_NOT_FOUND', loop ? '路径是循环的符号链接，无法打开。' : '找不到文件或无权读取。', { cause: error });
  }
  if (size > options.limits.maxFileBytes) {
    throw new YijianError('E_TOO_LARGE', `文件大小 ${megabytes(size)} 超过上限 ${megabytes(options.limits.maxFileBytes)}。`, {
      hint: '请拆分文件，或在配置中调高 limits.maxFileBytes。',
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new YijianError('E_UNREADABLE_FILE', '无法读取文件（权限不足或磁盘错误）。', { cause: error });
  }
  // The bytes are ours alone: hand their memory to the .xls worker instead of copying it.
  return guardedSheets(bytes, extension, basename(path, extname(path)), options, true, workers);
}

/**
 * The guarded reader for any untrusted spreadsheet besides submissions (a filled decision sheet): the
 * same regular-file, size, zip, row-scan and control-character checks, the same worker with a time and
 * memory limit. Grids carry merges and `hidden`. Throws YijianError like {@link readFileSheets}.
 */
export async function readGuardedFile(path: string, settings: GuardedReadSettings, workers?: WorkbookWorkers): Promise<FileSheets> {
  return readFileSheets(path, { ...EMPTY_OPTIONS, sheet: settings.sheet, limits: settings.limits }, workers);
}

/** What the guarded reader is told, resolved: the one sheet to read (null for all) and every limit. */
export interface GuardedReadSettings {
  sheet: string | null;
  limits: IngestLimits;
}

/** Every sheet, the ingest's own limits: callers spread it and change what they need. */
export const GUARDED_READ_DEFAULTS: Readonly<GuardedReadSettings> = Object.freeze({ sheet: null, limits: DEFAULT_LIMITS });

// Every default filled by the one normaliser, so a new ingest option cannot be missed here.
const EMPTY_OPTIONS: IngestOptions = normalizeIngestOptions({});

/**
 * The same from bytes already in memory, all in-process: no time limit on the .xls parser, so use
 * {@link readSheetsFromBytes} for untrusted input. `csvSheetName` names a CSV's single sheet (its base name).
 */
export function sheetsFromBytes(
  bytes: Uint8Array,
  extension: string,
  csvSheetName: string,
  options: IngestOptions,
): FileSheets {
  if (extension === '.docx') return cleaned(wordSheets(bytes, csvSheetName, options));
  const plan = planBytes(bytes, extension, options);
  if (plan.kind === 'text') return cleaned(textSheets(plan.bytes, extension, csvSheetName, options));
  const book = readWorkbookBytes(bytes, options.sheet, options.limits.maxRowsPerSheet);
  return cleaned(withHiddenRowsAndColumns(withOrigin({ grids: withHiddenSheets(book.sheets, plan), encoding: null }, plan.origin), hiddenRowsOf(plan, book), plan.hiddenColumns));
}

/**
 * Like {@link sheetsFromBytes}, but legacy .xls workbooks are parsed in a worker and given up after
 * `limits.parseTimeoutMs` (YijianError E_PARSE_TIMEOUT). The caller's bytes are left untouched.
 */
export function readSheetsFromBytes(
  bytes: Uint8Array,
  extension: string,
  csvSheetName: string,
  options: IngestOptions,
  workers?: WorkbookWorkers,
): Promise<FileSheets> {
  return guardedSheets(bytes, extension, csvSheetName, options, false, workers);
}

async function guardedSheets(
  bytes: Uint8Array,
  extension: string,
  csvSheetName: string,
  options: IngestOptions,
  handOver: boolean,
  workers: WorkbookWorkers | undefined,
): Promise<FileSheets> {
  if (extension === '.docx') return cleaned(wordSheets(bytes, csvSheetName, options));
  const plan = planBytes(bytes, extension, options);
  if (plan.kind === 'text') return cleaned(textSheets(plan.bytes, extension, csvSheetName, options));
  const { sheet, limits } = options;
  // Past the scan's budgets, SheetJS still runs in a worker under a time and memory limit: every .xls, and
  // every .xlsx up to WORKER_XLSX_BYTES of XML (all ordinary submissions and decision sheets). A bigger
  // .xlsx has passed the scan's row, column, cell and string budgets and is parsed here: copying a
  // million parsed rows back from a worker took longer than parsing them (measured: 4 min against 1.5).
  const inWorker = plan.legacy || plan.inflatedBytes <= WORKER_XLSX_BYTES;
  const book = inWorker
    ? await parseInWorker(workers, bytes, sheet, limits.maxRowsPerSheet, limits.parseTimeoutMs, handOver)
    : readWorkbookBytes(bytes, sheet, limits.maxRowsPerSheet);
  return cleaned(withHiddenRowsAndColumns(withOrigin({ grids: withHiddenSheets(book.sheets, plan), encoding: null }, plan.legacy ? null : plan.origin), hiddenRowsOf(plan, book), plan.hiddenColumns));
}

/** An OpenDocument workbook's hidden sheets, which SheetJS does not report, marked as an .xlsx's are. */
function withHiddenSheets(grids: SheetGrid[], plan: Extract<Plan, { kind: 'workbook' }>): SheetGrid[] {
  const hidden = plan.hiddenSheets;
  if (hidden === undefined || hidden.size === 0) return grids;
  return grids.map((grid) => (hidden.has(grid.name) && grid.hidden !== true ? { ...grid, hidden: true } : grid));
}

/** Hidden rows by sheet: from the .xlsx scan, or for a legacy workbook (no scan) as SheetJS read them. */
function hiddenRowsOf(plan: Extract<Plan, { kind: 'workbook' }>, book: Workbook): ReadonlyMap<string, number[]> {
  return plan.legacy ? new Map(book.hiddenRows) : plan.hiddenRows;
}

/** Parses in a worker of `workers`, or in one started for this file alone and ended once it is read. */
async function parseInWorker(
  workers: WorkbookWorkers | undefined,
  ...job: Parameters<WorkbookWorkers['parse']>
): Promise<Workbook> {
  if (workers !== undefined) return workers.parse(...job);
  const own = new WorkbookWorkers();
  try {
    return await own.parse(...job);
  } finally {
    await own.close();
  }
}

/** Control characters removed from every sheet, once, here: every later stage and every report sees clean text. */
function cleaned(sheets: FileSheets): FileSheets {
  const warnings = [...(sheets.warnings ?? [])];
  const grids = sheets.grids.map((grid) => {
    const result = removeControlCharacters(grid);
    const finding = controlFinding(result);
    if (finding !== null) warnings.push(finding);
    return result.grid;
  });
  return { ...sheets, grids, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * Rows and columns Excel does not show: rows that hold something are read like any other (a filter or a hidden row is a view, not a
 * deletion), and said, so a count that differs from what Excel shows is explained and a row hidden on purpose is found.
 */
function withHiddenRowsAndColumns(
  sheets: FileSheets, hiddenRows: ReadonlyMap<string, number[]>, hiddenColumns?: ReadonlyMap<string, (readonly [number, number])[]>,
): FileSheets {
  const findings: ReaderFinding[] = [];
  for (const grid of sheets.grids) {
    const rows = (hiddenRows.get(grid.name) ?? []).filter((row) => (grid.rows[row - 1] ?? []).some((cell) => cellText(cell).trim() !== ''));
    if (rows.length > 0) findings.push({ code: 'W_HIDDEN_ROWS_READ', sheet: grid.name, rows });
  }
  // Hidden columns go with their grid: whether one matters is known once the columns are mapped (ingest/sheet.ts).
  const grids = hiddenColumns === undefined || hiddenColumns.size === 0
    ? sheets.grids
    : sheets.grids.map((grid) => (hiddenColumns.has(grid.name) ? { ...grid, hiddenColumns: hiddenColumns.get(grid.name)! } : grid));
  const withColumns = grids === sheets.grids ? sheets : { ...sheets, grids };
  return findings.length === 0 ? withColumns : { ...withColumns, warnings: [...(withColumns.warnings ?? []), ...findings] };
}

function withOrigin(sheets: FileSheets, origin: WorkbookOrigin | null): FileSheets {
  return origin === null ? sheets : { ...sheets, origin };
}

/** Largest inflated .xlsx parsed in the worker (see guardedSheets). */
const WORKER_XLSX_BYTES = 64 * 1024 * 1024;

/** Which parser the bytes go to; `legacy` marks .xls content, whose parser can hang on damaged files. */
type Plan =
  | {
      kind: 'workbook';
      legacy: boolean;
      origin: WorkbookOrigin | null;
      inflatedBytes: number;
      hiddenRows: ReadonlyMap<string, number[]>;
      hiddenColumns?: ReadonlyMap<string, (readonly [number, number])[]>;
      /** An OpenDocument workbook's hidden sheets (an .xlsx's come from SheetJS). */
      hiddenSheets?: ReadonlySet<string>;
    }
  | { kind: 'text'; bytes: Uint8Array };

const NO_HIDDEN_ROWS: ReadonlyMap<string, number[]> = new Map();

/** Every check that needs no parser: size, container, zip survey, encryption; throws YijianError. */
function planBytes(bytes: Uint8Array, extension: string, options: IngestOptions): Plan {
  if (bytes.length === 0) throw new YijianError('E_EMPTY_FILE', '文件是空的（0 字节）。');
  const container = sniffContainer(bytes);
  const limits = options.limits;
  if (container === 'zip') {
    const survey = checkedZip(bytes, limits);
    // An OpenDocument spreadsheet (.ods, or one saved under another name): SheetJS reads it; the scan finds what it does not.
    if (isOdsPackage(bytes)) {
      const ods = scanOds(bytes, limits.maxRowsPerSheet);
      return { kind: 'workbook', legacy: false, origin: null, inflatedBytes: survey.inflatedBytes, hiddenRows: ods.hiddenRows, hiddenColumns: ods.hiddenColumns, hiddenSheets: ods.hiddenSheets };
    }
    // Rows SheetJS would drop or overwrite, and work it could not finish, are found before it runs.
    const scan = scanXlsx(bytes, limits.maxRowsPerSheet);
    return { kind: 'workbook', legacy: false, origin: scan.origin, inflatedBytes: survey.inflatedBytes, hiddenRows: scan.hiddenRows, hiddenColumns: scan.hiddenColumns };
  }
  if (container === 'ole2') {
    if (isEncryptedOle2(bytes)) {
      throw new YijianError('E_ENCRYPTED', '文件设有打开密码（已加密），无法读取。', {
        hint: '请在 Excel 中取消密码（文件 → 信息 → 保护工作簿）后另存再试。',
      });
    }
    return { kind: 'workbook', legacy: true, origin: null, inflatedBytes: bytes.length, hiddenRows: NO_HIDDEN_ROWS };
  }
  const isText = extension === '.csv' || extension === '.tsv';
  const cleaned = container === 'binary' && isText ? withoutStrayNuls(bytes) : null;
  if (cleaned !== null) return { kind: 'text', bytes: cleaned };
  if (container === 'binary') {
    throw new YijianError('E_UNSUPPORTED_FORMAT', '文件不是电子表格（内容为无法识别的二进制数据）。', {
      hint: '请确认发送的是意见表本身，而不是图片、压缩包或其他文件。',
    });
  }
  if (!isText) {
    // Excel itself saves "XML Spreadsheet" and web pages as .xls; plain text with such a name is not a workbook.
    if (container === 'markup' && extension === '.xls') return { kind: 'workbook', legacy: true, origin: null, inflatedBytes: bytes.length, hiddenRows: NO_HIDDEN_ROWS };
    // A flat OpenDocument spreadsheet (.fods): one XML document, scanned like an .ods's content.xml.
    if (container === 'markup' && extension === '.fods') {
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      if (!/<office:document[\s>]/u.test(text.slice(0, 65536))) {
        throw new YijianError('E_UNREADABLE_FILE', '文件扩展名是 .fods，但内容不是 OpenDocument 表格。', {
          hint: '请用 LibreOffice 或 WPS 打开后另存为 .ods 或 .xlsx 再试。',
        });
      }
      const ods = scanOdsXml(text, limits.maxRowsPerSheet);
      if (ods.sheets === 0) {
        throw new YijianError('E_UNREADABLE_FILE', '文件扩展名是 .fods，但其中没有工作表，不是 OpenDocument 表格。', {
          hint: '如是 OpenDocument 文字文档，请另存为 Word 文档（.docx）再读取。',
        });
      }
      return { kind: 'workbook', legacy: false, origin: null, inflatedBytes: bytes.length, hiddenRows: ods.hiddenRows, hiddenColumns: ods.hiddenColumns, hiddenSheets: ods.hiddenSheets };
    }
    throw new YijianError('E_UNREADABLE_FILE', `文件扩展名是 ${extension}，但内容是纯文本，不是 Excel 工作簿。`, {
      hint: '可能是改了扩展名的 CSV/文本文件。请用 Excel 打开后另存为 .xlsx，或把扩展名改为 .csv。',
    });
  }
  return { kind: 'text', bytes };
}

/** The zip checks of every Office file: complete, within the inflated limit, streams as declared; throws YijianError. */
function checkedZip(bytes: Uint8Array, limits: IngestLimits, noun = '工作簿'): { inflatedBytes: number } {
  const survey = surveyZip(bytes);
  if (!survey.ok) {
    throw new YijianError('E_TRUNCATED', '文件不完整（压缩包被截断或损坏），可能下载或传输未完成。', {
      hint: '请让报送单位重新发送原文件。',
    });
  }
  if (survey.inflatedBytes > limits.maxInflatedBytes) {
    throw new YijianError(
      'E_TOO_LARGE',
      `${noun}解压后约 ${megabytes(survey.inflatedBytes)}，超过上限 ${megabytes(limits.maxInflatedBytes)}，已拒绝读取（可能是恶意文件）。`,
      { hint: '如确为正常文件，可在配置中调高 limits.maxInflatedBytes。' },
    );
  }
  const streams = checkZipStreams(bytes);
  if (streams === 'understated') {
    throw new YijianError('E_TOO_LARGE', `${noun}中的压缩数据解压后远大于文件声明的大小，已拒绝读取（可能是恶意文件）。`, {
      hint: '请让报送单位用 Excel 或 WPS 重新保存后发送。',
    });
  }
  if (streams === 'corrupt') {
    throw new YijianError('E_UNREADABLE_FILE', `${noun}已损坏（压缩数据无法解开）。`, {
      hint: noun === '工作簿' ? '请用 Excel 或 WPS 打开后另存为 .xlsx，或让报送单位重新发送原文件。' : '请用 Word 或 WPS 打开后另存为 .docx，或让报送单位重新发送原文件。',
    });
  }
  return { inflatedBytes: survey.inflatedBytes };
}

/**
 * A Word document's one grid (named like a CSV's sheet, by the file's base name), or none and `notOpinions` when it is
 * the draft's text or a notice. The zip checks of a workbook come first; a legacy .doc or an encrypted file is said as such.
 */
function wordSheets(bytes: Uint8Array, name: string, options: IngestOptions): FileSheets {
  if (bytes.length === 0) throw new YijianError('E_EMPTY_FILE', '文件是空的（0 字节）。');
  const container = sniffContainer(bytes);
  if (container === 'ole2') {
    if (isEncryptedOle2(bytes)) {
      throw new YijianError('E_ENCRYPTED', 'Word 文档设有打开密码（已加密），无法读取。', {
        hint: '请在 Word 中取消密码（文件 → 信息 → 保护文档）后另存再试。',
      });
    }
    throw new YijianError('E_UNSUPPORTED_FORMAT', '文件是旧版 Word 文档（.doc 格式，只是扩展名为 .docx），无法读取。', {
      hint: '请用 Word 或 WPS 打开后“另存为”Word 文档（.docx）再读取。',
    });
  }
  if (container !== 'zip') {
    throw new YijianError('E_UNSUPPORTED_FORMAT', '文件扩展名是 .docx，但内容不是 Word 文档。', {
      hint: '请确认发送的是 Word 文档本身；如是文本或表格，请改成相应的扩展名。',
    });
  }
  checkedZip(bytes, options.limits, 'Word 文档');
  const blocks = docxBlocks(bytes);
  const kind = wordDocumentKind(blocks);
  if (kind.kind !== 'opinions') return { grids: [], encoding: null, notOpinions: kind };
  const word = wordGrid(blocks, name);
  return { grids: [{ ...word.grid, word: { tables: word.tables, paragraphs: word.paragraphs } }], encoding: null };
}

function textSheets(bytes: Uint8Array, extension: string, csvSheetName: string, options: IngestOptions): FileSheets {
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') throw new YijianError('E_EMPTY_FILE', '文件没有内容（只有空白）。');
  const { text, delimiter: named } = withoutSeparatorLine(decoded.text);
  const delimiter = named ?? (extension === '.tsv' ? '\t' : detectDelimiter(text));
  const grid = parseDelimitedText(text, csvSheetName, delimiter, options.limits.maxRowsPerSheet, options.limits.maxCellLength);
  const warnings: ReaderFinding[] =
    decoded.mixedLines === undefined ? [] : [{ code: 'W_MIXED_ENCODING', gbkLines: decoded.mixedLines.gbk, utf8Lines: decoded.mixedLines.utf8 }];
  return { grids: [grid], encoding: decoded.encoding, warnings };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
