import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { IMPORT_KINDS, type ImportKind, type ImportProblem, type ImportResult } from '../api/types';
import { LoadError, PageTitle } from '../components/common';
import { DataTable, type Column } from '../components/DataTable';
import { useTranslation } from '../i18n';

/** A refused commit answers 422 with the same result as a dry run, inside its problem. */
function resultOf(error: unknown): ImportResult | undefined {
  return error instanceof ApiError && error.status === 422
    ? (error.problem as unknown as ImportResult)
    : undefined;
}

/** A CSV import: choose what it holds, check it (a dry run lists every problem), then store it, all or nothing. */
export default function Import() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('evacuations');
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      api<ImportResult>(`/imports/${kind}?dryRun=${dryRun}`, {
        method: 'POST',
        file: new Blob([file as Blob], { type: 'text/csv' }),
      }),
  });
  const result = run.data ?? resultOf(run.error);
  const isChecked = result?.dryRun === true && result.errorCount === 0;
  const columns = useMemo<Column<ImportProblem & { index: number }>[]>(
    () => [
      {
        id: 'row',
        header: t('import.row'),
        accessorFn: (p) => p.row ?? 0,
        cell: ({ row }) => row.original.row ?? '—',
      },
      {
        id: 'column',
        header: t('import.column'),
        accessorFn: (p) => p.column ?? '',
        cell: ({ row }) => row.original.column ?? '—',
      },
      { accessorKey: 'message', header: t('import.message'), enableSorting: false },
    ],
    [t],
  );

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) run.mutate({ dryRun: true });
  }

  return (
    <div className="page">
      <PageTitle>{t('import.title')}</PageTitle>
      <p className="muted">{t('import.intro')}</p>
      <form className="stack" onSubmit={choose} data-testid="import-form">
        <label>
          <span>{t('import.kind')}</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              run.reset();
            }}
          >
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`import.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <p>
          <a href={`/api/v1/imports/${kind}/template.csv`} download>
            {t('import.template')}
          </a>
        </p>
        <label>
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              run.reset();
            }}
          />
        </label>
        <div className="actions">
          <button type="submit" disabled={!file || run.isPending}>
            {t('import.check')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!isChecked || run.isPending}
            onClick={() => run.mutate({ dryRun: false })}
          >
            {t('import.commit')}
          </button>
        </div>
      </form>
      {result ? (
        <section aria-live="polite" data-testid="import-result">
          <h2>
            {t(result.dryRun ? 'import.checked' : result.errorCount ? 'import.refused' : 'import.stored')}
          </h2>
          <p>
            {t('import.summary', {
              rows: result.rows,
              valid: result.valid,
              unchanged: result.unchanged,
              stored: result.stored,
              problems: result.errorCount,
            })}
          </p>
          {result.errors.length ? (
            <DataTable
              columns={columns}
              rows={result.errors.map((p, index) => ({ ...p, index }))}
              rowId={(p) => String(p.index)}
              label={t('import.problems')}
              testId="import-problems"
            />
          ) : null}
        </section>
      ) : (
        <LoadError error={run.error} />
      )}
    </div>
  );
}
