// Tasklist formats dates with moment.js in the browser's own zone; an officer's browser may be set to any zone.
// This module shows every date Tasklist formats (its camDate filter) at the wall-clock time of the deployment's
// zone, which OneDoor writes in below when it serves this file.
define(['angular'], function (angular) {
  'use strict';
  var zone = ZONE;
  var wallClock = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit'
  });

  // A Date whose local fields read as the zone's wall clock at the same instant, for moment to format.
  function inZone(value) {
    var instant = typeof value === 'number' ? new Date(value)
      // The engine writes offsets as +0600; Date.parse wants +06:00.
      : new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (isNaN(instant.getTime())) {
      return value;
    }
    var p = {};
    wallClock.formatToParts(instant).forEach(function (part) { p[part.type] = part.value; });
    return new Date(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second, instant.getMilliseconds());
  }

  angular.module('onedoor.timeZone', []).config(['$provide', function ($provide) {
    $provide.decorator('camDateFilter', ['$delegate', function (camDate) {
      return function (value, format) {
        return value ? camDate(inZone(value), format) : camDate(value, format);
      };
    }]);
    // The footer says which zone the dates are in: this one, not the browser's.
    $provide.decorator('camWidgetFooterDirective', ['$delegate', function (directives) {
      var footer = directives[0];
      var link = footer.link;
      footer.compile = function () {
        return function (scope) {
          link.apply(this, arguments);
          scope.timezoneName = zone;
        };
      };
      return directives;
    }]);
  }]);
});
