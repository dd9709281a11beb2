pragma ComponentBehavior: Bound
import QtQuick
import TreadmillCtl

// The window: a slim header (screens, link state, STOP whenever a session is active), the
// current screen (ui/<Name>Screen.qml, chosen by app.screen), notices and the `?` key help.
// Plain Qt Quick, no Controls or Layouts: with the connect screen, this is the first frame, and
// loading those modules would delay it (docs/gui.md, "Startup"). The other screens load them.
Window {
    id: window

    required property AppBridge app

    width: Theme.baseWidth
    height: Theme.baseHeight
    minimumWidth: Theme.minimumWidth
    minimumHeight: Theme.minimumHeight
    visible: true
    // Qt adds the application's display name ("treadmill-ctl") to the title itself.
    title: window.app.simulated ? qsTr("Virtual treadmill") : ""
    color: Theme.background

    Binding {
        target: Theme
        property: "dark"
        value: window.app.theme !== "light"
    }

    Binding {
        target: Theme
        property: "highContrast"
        value: window.app.theme === "high_contrast"
    }

    Binding {
        target: Theme
        property: "zoom"
        value: Math.min(Math.max(window.width, Theme.minimumWidth) / Theme.baseWidth, Math.max(window.height, Theme.minimumHeight) / Theme.baseHeight)
    }

    function loadScreen() {
        screenLoader.setSource(Qt.resolvedUrl(window.app.screenFile), {
            app: window.app
        });
    }

    Connections {
        target: window.app
        function onScreenChanged() {
            window.loadScreen();
        }
        function onKeyHelpVisibleChanged() {
            window.showKeyHelp();
        }
        function onNotice(level: string, message: string) {
            noticeBar.show(level, message);
        }
    }

    Component.onCompleted: {
        window.loadScreen();
        window.showKeyHelp();
    }

    // Closing during a session asks first (the question band below); quitting then STOPs the belt.
    onClosing: close => {
        close.accepted = window.app.mayClose();
    }

    Connections {
        target: window.app
        function onQuitConfirmed() {
            window.close();
        }
    }

    // Everything, laid out for at least Theme.baseWidth × baseHeight and zoomed to the window.
    Item {
        id: zoomed
        objectName: "zoomed"
        width: window.width / Theme.zoom
        height: window.height / Theme.zoom
        scale: Theme.zoom
        transformOrigin: Item.TopLeft

        Rectangle {
            id: headerBar
            objectName: "header"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            height: 60
            color: Theme.surface

            Row {
                id: navRow
                objectName: "navRow"
                anchors.left: parent.left
                anchors.leftMargin: Theme.gap
                anchors.verticalCenter: parent.verticalCenter
                spacing: 8

                // Whole pixels, as a layout would place them (text is measured in fractions).
                Text {
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.ceil(implicitWidth)
                    text: "treadmill-ctl"
                    font.pixelSize: Theme.fontBody - 2
                    font.bold: true
                    color: Theme.text
                }

                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    visible: window.app.simulated
                    implicitWidth: Math.ceil(virtualText.implicitWidth + 16)
                    implicitHeight: virtualText.implicitHeight + 6
                    radius: 4
                    color: Theme.accent
                    Text {
                        textFormat: Text.PlainText
                        id: virtualText
                        anchors.centerIn: parent
                        text: qsTr("VIRTUAL")
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: Theme.background
                    }
                }

                Repeater {
                    model: [
                        {
                            screen: "connect",
                            label: qsTr("Treadmill")
                        },
                        {
                            screen: "presets",
                            label: qsTr("Presets")
                        },
                        {
                            screen: "session",
                            label: qsTr("Session")
                        },
                        {
                            screen: "history",
                            label: qsTr("History")
                        },
                        {
                            screen: "settings",
                            label: qsTr("Settings")
                        }
                    ]

                    delegate: TabLikeButton {
                        id: navButton
                        required property var modelData
                        anchors.verticalCenter: parent?.verticalCenter
                        objectName: "nav_" + navButton.modelData.screen
                        text: navButton.modelData.label
                        current: window.app.screen === navButton.modelData.screen
                        onClicked: window.app.screen = navButton.modelData.screen
                    }
                }
            }

            // Anchored from the right (not a Row, which places its items only before the next
            // frame): STOP is where it shows from the moment it does.
            // What room the screens' names leave (its words wrap rather than being cut).
            LinkIndicator {
                anchors.left: navRow.right
                anchors.leftMargin: Theme.gap
                anchors.right: headerStop.visible ? headerStop.left : keyHelpButton.left
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                session: window.app.session
            }

            Rectangle {
                id: headerStop
                objectName: "headerStop"
                anchors.right: keyHelpButton.left
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                // STOP is on every screen while a session is active, not only the session screen.
                visible: window.app.session.active && window.app.screen !== "session"
                width: 140
                height: 48
                radius: Theme.radius
                color: Theme.stop
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("STOP")
                Accessible.onPressAction: window.app.session.stop()
                Text {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: qsTr("STOP")
                    color: Theme.stopText
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: window.app.session.stop()
                }
            }

            TabLikeButton {
                id: keyHelpButton
                objectName: "keyHelpButton"
                anchors.right: parent.right
                anchors.rightMargin: Theme.gap
                anchors.verticalCenter: parent.verticalCenter
                text: "?"
                Accessible.name: qsTr("Show the keys")
                current: window.app.keyHelpVisible
                onClicked: window.app.toggleKeyHelp()
            }
        }

        // Safety banners on every screen, above everything else; then notices, in their own band
        // (never over a control).
        Column {
            id: bands
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: headerBar.bottom

            DangerBanner {
                objectName: "linkLostBanner"
                visible: window.app.session.linkLost
                width: bands.width
                title: qsTr("CONNECTION LOST — THE BELT MAY STILL BE MOVING")
                message: (window.app.session.lastSpeedText !== "" ? qsTr("Last known speed %1. ").arg(window.app.session.lastSpeedText) : "") + qsTr("Use the treadmill's own stop key or pull the safety key. Reconnecting to the same treadmill: STOP is sent first.")
            }

            DangerBanner {
                objectName: "stopUnconfirmedBanner"
                visible: window.app.session.stopUnconfirmed
                width: bands.width
                title: qsTr("STOP NOT CONFIRMED — PULL THE SAFETY KEY")
                message: window.app.session.alertText
            }

            QuestionBar {
                objectName: "quitQuestion"
                visible: window.app.quitAsked
                width: bands.width
                message: qsTr("A session is running. Quit and STOP the belt?")
                confirmText: qsTr("STOP and quit")
                confirmName: "quitConfirmButton"
                cancelText: qsTr("Keep running")
                cancelName: "quitCancelButton"
                onConfirmed: window.app.confirmQuit()
                onCancelled: window.app.cancelQuit()
            }

            QuestionBar {
                objectName: "leaveEditorQuestion"
                visible: window.app.leaveEditorAsked
                width: bands.width
                message: qsTr("This preset has unsaved changes. Leave and lose them?")
                confirmText: qsTr("Discard changes")
                confirmName: "leaveEditorConfirmButton"
                cancelText: qsTr("Keep editing")
                cancelName: "leaveEditorCancelButton"
                onConfirmed: window.app.discardAndLeave()
                onCancelled: window.app.keepEditing()
            }

            NoticeBar {
                id: noticeBar
                width: bands.width
            }
        }

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            focus: true
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: bands.bottom
            anchors.bottom: parent.bottom
        }

        // The key list is made only while it is shown (it is not needed to start), from its file:
        // naming its type here would load it, and the Controls and Layouts it uses, with this file.
        Loader {
            id: keyHelpLoader
            objectName: "keyHelpLoader"
            // Below the header, whose `?` closes it again (and whose STOP it leaves free); on the
            // session screen, left of the controls: it never covers STOP.
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.rightMargin: window.app.screen === "session" ? Theme.sessionControlsWidth + Theme.gapLarge : 0
            anchors.top: headerBar.bottom
            anchors.bottom: parent.bottom
        }
    }

    function showKeyHelp() {
        if (window.app.keyHelpVisible)
            keyHelpLoader.setSource(Qt.resolvedUrl("KeyHelpOverlay.qml"), {
                app: window.app
            });
        else
            keyHelpLoader.source = "";
    }
}
