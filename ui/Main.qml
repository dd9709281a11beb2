pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// The window: a slim header (screens, link state, STOP whenever a session is active), the
// current screen (ui/<Name>Screen.qml, chosen by app.screen), notices and the `?` key help.
ApplicationWindow {
    id: window

    required property AppBridge app

    width: 1280
    height: 720
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    title: window.app.simulated ? qsTr("treadmill-ctl — virtual treadmill") : qsTr("treadmill-ctl")
    color: Theme.background
    font.pixelSize: Theme.fontBody

    Binding {
        target: Theme
        property: "dark"
        value: window.app.theme !== "light"
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
        function onNotice(level: string, message: string) {
            noticeBar.show(level, message);
        }
    }

    Component.onCompleted: window.loadScreen()

    header: Rectangle {
        id: headerBar
        objectName: "header"
        implicitHeight: 60
        color: Theme.surface

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.gap
            anchors.rightMargin: Theme.gap
            spacing: 8

            Label {
                text: "treadmill-ctl"
                font.pixelSize: Theme.fontBody - 2
                font.bold: true
                color: Theme.text
            }

            Label {
                visible: window.app.simulated
                text: qsTr("VIRTUAL")
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: Theme.background
                leftPadding: 8
                rightPadding: 8
                topPadding: 3
                bottomPadding: 3
                background: Rectangle {
                    color: Theme.accent
                    radius: 4
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
                    objectName: "nav_" + navButton.modelData.screen
                    text: navButton.modelData.label
                    current: window.app.screen === navButton.modelData.screen
                    onClicked: window.app.screen = navButton.modelData.screen
                }
            }

            Item {
                Layout.fillWidth: true
            }

            LinkIndicator {
                session: window.app.session
            }

            Button {
                objectName: "headerStop"
                // STOP is on every screen while a session is active, not only the session screen.
                visible: window.app.session.active && window.app.screen !== "session"
                focusPolicy: Qt.NoFocus
                text: qsTr("STOP")
                font.pixelSize: Theme.fontBody
                font.bold: true
                Layout.preferredWidth: 140
                Layout.preferredHeight: 48
                onClicked: window.app.session.stop()
                contentItem: Label {
                    text: qsTr("STOP")
                    color: Theme.stopText
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.stop
                }
            }

            TabLikeButton {
                objectName: "keyHelpButton"
                text: "?"
                current: window.app.keyHelpVisible
                onClicked: window.app.toggleKeyHelp()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Safety banners on every screen, above everything else.
        DangerBanner {
            objectName: "linkLostBanner"
            visible: window.app.session.linkLost
            Layout.fillWidth: true
            title: qsTr("CONNECTION LOST — THE BELT MAY STILL BE MOVING")
            message: (window.app.session.lastSpeedText !== "" ? qsTr("Last known speed %1. ").arg(window.app.session.lastSpeedText) : "") + qsTr("Use the treadmill's own stop key or pull the safety key. Reconnecting to the same treadmill: STOP is sent first.")
        }

        DangerBanner {
            objectName: "stopUnconfirmedBanner"
            visible: window.app.session.stopUnconfirmed
            Layout.fillWidth: true
            title: qsTr("STOP NOT CONFIRMED — PULL THE SAFETY KEY")
            message: window.app.session.alertText
        }

        // Notices take their own band (never over a control).
        NoticeBar {
            id: noticeBar
            Layout.fillWidth: true
        }

        Loader {
            id: screenLoader
            objectName: "screenLoader"
            focus: true
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    // The key list is made only while it is shown (it is not needed to start).
    Loader {
        anchors.fill: parent
        active: window.app.keyHelpVisible
        sourceComponent: KeyHelpOverlay {
            app: window.app
        }
    }
}
