"use client";

import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { useFormAction } from "@/components/use-form-action";
import type { NotificationChannel, NotificationType } from "@/lib/generated/prisma/enums";
import type { NotificationPreferences } from "@/lib/notifications/preferences";
import { savePreferencesAction } from "@/app/ayarlar/bildirimler/actions";

type Props = {
  events: { type: NotificationType; label: string }[];
  channels: { channel: NotificationChannel; label: string; configured: boolean }[];
  preferences: NotificationPreferences;
  notes: string[];
};

/** The event × channel matrix, saved with one button; a field `<TYPE>.<CHANNEL>` is sent for each ticked box. */
export function PreferencesForm({ events, channels, preferences, notes }: Props) {
  const [state, action] = useFormAction(savePreferencesAction);
  // after a submit React resets the form to the defaults, so the defaults follow what was submitted
  const isOn = (name: string, type: NotificationType, channel: NotificationChannel) =>
    state.result ? state.values[name] === "on" : preferences[type][channel];
  const unavailable = channels.filter((c) => !c.configured);

  return (
    <form action={action}>
      <div className="preferences-scroll">
        <table className="preferences-table">
          <thead>
            <tr>
              <th scope="col">Bildirim</th>
              {channels.map((c) => (
                <th scope="col" key={c.channel}>
                  {c.label}
                  {!c.configured && <span className="small muted"> (kapalı)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.type}>
                <th scope="row">{event.label}</th>
                {channels.map((c) => {
                  const name = `${event.type}.${c.channel}`;
                  const id = `pref-${event.type}-${c.channel}`;
                  const on = isOn(name, event.type, c.channel);
                  return (
                    <td key={c.channel}>
                      <label className="visually-hidden" htmlFor={id}>{`${event.label} — ${c.label}`}</label>
                      {/* a channel not set up on this server can still be chosen: the choice counts once it is */}
                      <input type="checkbox" id={id} name={name} defaultChecked={on} aria-describedby={c.configured ? undefined : `pref-note-${c.channel}`} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(unavailable.length > 0 || notes.length > 0) && (
        <ul className="small muted preferences-notes">
          {unavailable.map((c) => (
            <li key={c.channel} id={`pref-note-${c.channel}`}>{c.label} bu sunucuda yapılandırılmadığı için şu an gönderilmiyor; seçiminiz saklanır ve kanal açılınca geçerli olur.</li>
          ))}
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <FormMessage result={state.result} success="Bildirim tercihleriniz kaydedildi." />
      <SubmitButton className="button button-primary" pendingText="Kaydediliyor…" data-testid="save-notification-preferences">
        Kaydet
      </SubmitButton>
    </form>
  );
}
