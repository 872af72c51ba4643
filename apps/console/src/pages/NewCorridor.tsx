import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from '../i18n';
import { Link, useLocation } from 'wouter';
import { useLocations, useParties } from '../api/hooks';
import type { Corridor } from '../api/types';
import { PageTitle, RecordOptions } from '../components/common';
import { EmbargoField, NO_EMBARGO_DRAFT, toEmbargo, type EmbargoDraft } from '../components/Embargo';
import { AddReferences } from '../components/ReferenceForms';
import { RouteEditor, toCoordinates, type Waypoint } from '../components/RouteEditor';
import { SubmissionStatus } from '../components/PendingSubmissions';
import { ScheduleBuilder, previewWindows, type ScheduleDraft } from '../components/ScheduleBuilder';
import { submissionQueue, useSubmission } from '../lib/queue-instance';
import { localInputToIso, nowForInput } from '../lib/time';

interface Fields {
  name: string;
  originId: string;
  destinationId: string;
  announcedById: string;
  announcedAt: string;
  sourceUrl: string;
  sourceNote: string;
  requiredConfirmationIds: string[];
}

function today(): string {
  return nowForInput().slice(0, 10);
}

export default function NewCorridor() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const parties = useParties();
  const locations = useLocations();
  const [schedule, setSchedule] = useState<ScheduleDraft>({
    firstDate: today(),
    days: 3,
    startTime: '08:00',
    endTime: '18:00',
    timezone: 'Europe/Kyiv',
  });
  const [route, setRoute] = useState<Waypoint[]>([]);
  const [embargo, setEmbargo] = useState<EmbargoDraft>(NO_EMBARGO_DRAFT);
  const [embargoError, setEmbargoError] = useState<ReturnType<typeof toEmbargo>['error']>();
  const [key, setKey] = useState<string | null>(null);
  const submission = useSubmission(key);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<Fields>({ defaultValues: { announcedAt: nowForInput(), requiredConfirmationIds: [] } });
  const [announcedById, originId, destinationId] = useWatch({
    control,
    name: ['announcedById', 'originId', 'destinationId'],
  });
  const ends = [originId, destinationId].filter(Boolean);
  const routeResult = route.length ? toCoordinates(route, locations.data ?? []) : null;
  const belligerents = useMemo(
    () => (parties.data ?? []).filter((p) => p.kind === 'belligerent' && p.id !== announcedById),
    [parties.data, announcedById],
  );
  const preview = previewWindows(schedule);

  useEffect(() => {
    const stored = submission?.state === 'stored' ? (submission.result as Corridor | undefined) : undefined;
    if (stored?.id) navigate(`/corridors/${stored.id}`);
  }, [submission, navigate]);

  function onSubmit(fields: Fields) {
    if (preview.error || preview.windows.length === 0) return;
    if (routeResult && 'error' in routeResult) return;
    const held = toEmbargo(embargo);
    setEmbargoError(held.error);
    if (held.error) return;
    const body = {
      name: fields.name.trim(),
      originId: fields.originId,
      destinationId: fields.destinationId || null,
      announcedById: fields.announcedById,
      announcedAt: localInputToIso(fields.announcedAt),
      timezone: schedule.timezone,
      ...(fields.requiredConfirmationIds.length
        ? { requiredConfirmationIds: fields.requiredConfirmationIds }
        : {}),
      ...(fields.sourceUrl.trim() ? { sourceUrl: fields.sourceUrl.trim() } : {}),
      ...(fields.sourceNote.trim() ? { sourceNote: fields.sourceNote.trim() } : {}),
      ...(routeResult && 'coordinates' in routeResult
        ? { route: { type: 'LineString', coordinates: routeResult.coordinates } }
        : {}),
      ...(held.embargo ? { embargo: held.embargo } : {}),
      schedule: {
        firstDate: schedule.firstDate,
        days: schedule.days,
        startTime: schedule.startTime,
        endTime: schedule.endTime,
      },
    };
    const queued = submissionQueue().enqueue({
      path: '/corridors',
      body,
      label: t('newCorridor.label', { name: body.name }),
    });
    setKey(queued.idempotencyKey);
  }

  const required = t('form.required');
  return (
    <div className="page form-page">
      <p className="crumbs">
        <Link to="/corridors">{t('nav.corridors')}</Link>
      </p>
      <PageTitle>{t('newCorridor.title')}</PageTitle>
      <AddReferences idPrefix="new-corridor" />
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="stack">
        <label>
          <span>{t('corridor.name')}</span>
          <input aria-invalid={errors.name ? true : undefined} {...register('name', { required })} />
        </label>
        {errors.name ? <p className="field-error">{errors.name.message}</p> : null}
        <label>
          <span>{t('corridor.origin')}</span>
          <select aria-invalid={errors.originId ? true : undefined} {...register('originId', { required })}>
            <option value="">{t('form.choose')}</option>
            <RecordOptions records={locations.data} />
          </select>
        </label>
        {errors.originId ? <p className="field-error">{errors.originId.message}</p> : null}
        <label>
          <span>{t('corridor.destination')}</span>
          <select {...register('destinationId')}>
            <option value="">{t('corridor.anyDirection')}</option>
            <RecordOptions records={locations.data} />
          </select>
        </label>
        <label>
          <span>{t('corridor.announcedBy')}</span>
          <select
            aria-invalid={errors.announcedById ? true : undefined}
            {...register('announcedById', { required })}
          >
            <option value="">{t('form.choose')}</option>
            <RecordOptions records={parties.data} />
          </select>
        </label>
        {errors.announcedById ? <p className="field-error">{errors.announcedById.message}</p> : null}
        <label>
          <span>{t('corridor.announcedAt')}</span>
          <input type="datetime-local" {...register('announcedAt', { required })} />
        </label>
        <fieldset>
          <legend>{t('corridor.required')}</legend>
          <p className="small muted">
            {t('newCorridor.requiredHint', {
              parties: belligerents.map((p) => p.shortName || p.name).join(', ') || '—',
            })}
          </p>
          <div className="checks">
            {parties.data?.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" value={p.id} {...register('requiredConfirmationIds')} />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        <ScheduleBuilder value={schedule} onChange={setSchedule} />
        <RouteEditor value={route} onChange={setRoute} places={locations.data ?? []} ends={ends} />
        <label>
          <span>{t('form.sourceUrl')}</span>
          <input type="url" inputMode="url" {...register('sourceUrl')} />
        </label>
        <label>
          <span>{t('form.sourceNote')}</span>
          <textarea rows={3} {...register('sourceNote')} />
        </label>
        <EmbargoField value={embargo} onChange={setEmbargo} error={embargoError} />
        <button
          type="submit"
          className="primary"
          disabled={!!preview.error || submission?.state === 'pending'}
        >
          {t('newCorridor.submit', { count: preview.windows.length })}
        </button>
        <SubmissionStatus submission={submission} />
      </form>
    </div>
  );
}
