// The demo page's script: lists, adds and deletes notes through the JSON API (no framework).
'use strict';
const list = document.getElementById('notes');

async function load() {
  const notes = await (await fetch('/api/notes')).json();
  list.replaceChildren(...notes.map((note) => {
    const item = document.createElement('li');
    item.textContent = note.title + (note.body ? ': ' + note.body : '');
    const remove = document.createElement('button');
    remove.textContent = 'delete';
    remove.onclick = async () => { await fetch('/api/notes/' + note.id, { method: 'DELETE' }); load(); };
    item.append(remove);
    return item;
  }));
}

document.getElementById('new-note').onsubmit = async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/api/notes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: form.get('title'), body: form.get('body') }),
  });
  if (response.ok) { event.target.reset(); load(); } else { alert((await response.json()).message); }
};

fetch('/api/session').then((r) => r.json()).then((s) => {
  document.getElementById('visits').textContent = 'Visits in this session: ' + s.visits + '.';
});
load();
