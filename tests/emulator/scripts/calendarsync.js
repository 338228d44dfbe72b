// Sheet-to-Calendar sync, as public "sync a sheet with Google Calendar" samples write it: each row
// of the Events sheet becomes an event in the user's default calendar, its id written back; a
// changed row updates its event, a row marked Delete removes it.
var SHEET_NAME = 'Events';
var COL = { title: 0, start: 1, end: 2, location: 3, description: 4, guests: 5, remove: 6, id: 7 };

function onOpen() {
  SpreadsheetApp.getUi().createMenu('Calendar')
    .addItem('Sync events', 'syncEvents')
    .addToUi();
}

function syncEvents() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET_NAME);
  var calendar = CalendarApp.getDefaultCalendar();
  var data = sheet.getDataRange().getValues();
  var stats = { created: 0, updated: 0, deleted: 0 };

  for (var i = 1; i < data.length; i++) {
    var row = data[i];
    var eventId = row[COL.id];
    var event = eventId ? calendar.getEventById(eventId) : null;

    if (row[COL.remove] === true) {
      if (event) {
        event.deleteEvent();
        stats.deleted++;
      }
      if (eventId) sheet.getRange(i + 1, COL.id + 1).setValue('');
      continue;
    }
    if (!row[COL.title] || !(row[COL.start] instanceof Date) || !(row[COL.end] instanceof Date)) continue;

    if (!event) {
      event = calendar.createEvent(row[COL.title], row[COL.start], row[COL.end], {
        description: row[COL.description],
        location: row[COL.location],
        guests: row[COL.guests],
        sendInvites: false
      });
      sheet.getRange(i + 1, COL.id + 1).setValue(event.getId());
      stats.created++;
      continue;
    }

    var changed = false;
    if (event.getTitle() !== row[COL.title]) { event.setTitle(row[COL.title]); changed = true; }
    if (event.getStartTime().getTime() !== row[COL.start].getTime() ||
        event.getEndTime().getTime() !== row[COL.end].getTime()) {
      event.setTime(row[COL.start], row[COL.end]);
      changed = true;
    }
    if (event.getLocation() !== row[COL.location]) { event.setLocation(row[COL.location]); changed = true; }
    if (event.getDescription() !== row[COL.description]) { event.setDescription(row[COL.description]); changed = true; }
    if (changed) stats.updated++;
  }
  Logger.log('Sync done: ' + JSON.stringify(stats));
  return stats;
}
