// OneDoor's Tasklist configuration (Camunda's supported customisation; docs/officers.md). Camunda's defaults,
// with one AngularJS module of OneDoor's that shows Tasklist's dates in the deployment's time zone.
export default {
  requireJsConfig: {
    // Served by OneDoor with the zone of onedoor.calendar.zone (Asia/Dhaka by default).
    deps: ['onedoor-time-zone'],
    ngDeps: ['onedoor.timeZone'],
    paths: {
      'onedoor-time-zone': 'scripts/onedoor-time-zone'
    }
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
