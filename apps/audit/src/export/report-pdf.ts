/**
 * Prints an HTML report to PDF with headless Chromium (playwright-core driving Debian's /usr/bin/chromium,
 * the browser of the console's browser test; `bash infra/local/up browser` installs it with the CJK fonts).
 * Override the browser with CASEBRIDGE_CHROMIUM. A4, backgrounds printed, page numbers in the footer.
 */
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export class PdfUnavailableError extends Error {}

export async function htmlToPdf(html: string, options: { chromium?: string; title?: string } = {}): Promise<Buffer> {
  const executablePath = options.chromium ?? (process.env.CASEBRIDGE_CHROMIUM || DEFAULT_CHROMIUM);
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(
      `no Chromium at ${executablePath}: install it with 'bash infra/local/up browser' (apt-get install chromium fonts-noto-cjk), or set CASEBRIDGE_CHROMIUM`,
    );
  }
  // loaded lazily: playwright-core is needed only to print
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#57606a"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
