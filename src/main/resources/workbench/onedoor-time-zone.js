// Tasklist formats dates with moment.js and AngularJS's date filter in the browser's own zone; an officer's browser
// may be set to any zone. This module shows every date Tasklist formats (its camDate and date filters) at the wall
// clock of the deployment's zone, which OneDoor writes in below when it serves this file.
define(['angular'], function (angular) {
  'use strict';
  var zone = ZONE;
  var wallClock = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit'
  });

  function instantOf(value) {
    var instant = value instanceof Date ? value : typeof value === 'number' ? new Date(value)
      // The engine writes offsets as +0600; Date.parse wants +06:00.
      : new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return isNaN(instant.getTime()) ? null : instant;
  }

  function fields(instant) {
    var p = {};
    wallClock.formatToParts(instant).forEach(function (part) { p[part.type] = +part.value; });
    return p;
  }

  // A Date whose local fields read as the zone's wall clock at the same instant, for moment to format.
  function inZone(instant) {
    var p = fields(instant);
    return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, instant.getMilliseconds());
  }

  // The zone's offset at that instant as AngularJS's date filter takes it, e.g. +0600.
  function offset(instant) {
    var p = fields(instant);
    var minutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
      - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
    var sign = minutes < 0 ? '-' : '+';
    minutes = Math.abs(minutes);
    return sign + ('0' + Math.floor(minutes / 60)).slice(-2) + ('0' + minutes % 60).slice(-2);
  }

  angular.module('onedoor.timeZone', []).config(['$provide', function ($provide) {
    $provide.decorator('camDateFilter', ['$delegate', function (camDate) {
      return function (value, format) {
        var instant = value ? instantOf(value) : null;
        return camDate(instant ? inZone(instant) : value, format);
      };
    }]);
    $provide.decorator('dateFilter', ['$delegate', function (date) {
      return function (value, format, timezone) {
        var instant = value && !timezone ? instantOf(value) : null;
        return date(value, format, instant ? offset(instant) : timezone);
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
