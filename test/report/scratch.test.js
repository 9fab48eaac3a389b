import { it } from 'vitest';
import mammoth from 'mammoth';
import { readTemplate } from '../../src/report/templates.js';
import { renderDocx } from '../../src/report/render-docx.js';
import { buildReportView } from '../../src/report/model.js';
import { sampleDigest } from './sample-digest.js';
it('scratch', async () => {
    const view = buildReportView(sampleDigest(), { showContact: false });
    for (const f of ['summary/summary.docx', 'article-digest/article-digest.docx']) {
        const t = await readTemplate(f, null);
        const buf = renderDocx(t, view);
        const { value } = await mammoth.extractRawText({ buffer: buf });
        console.log(value.replace(/\n\n/g, '\n').slice(0, 2500));
    }
});
//# sourceMappingURL=scratch.test.js.map