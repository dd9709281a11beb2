pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// Past sessions: backward minutes per week (the progression made visible), the list, and one
// session in detail with its speed chart (direction colours, phases, heart rate when known).
// A Control, not an Item, for its font: the Controls in this screen take their type size from
// it (the window is a plain Qt Quick Window, not a Controls ApplicationWindow; see Main.qml).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property HistoryBridge bridge: screen.app.history
    readonly property var detail: screen.bridge.detail
    readonly property bool hasDetail: screen.bridge.selectedId !== 0

    focus: true

    function moveSelection(delta: int) {
        const count = sessionList.count;
        if (count === 0)
            return;
        let index = 0;
        for (let i = 0; i < count; ++i) {
            if (screen.bridge.sessions[i].id === screen.bridge.selectedId)
                index = Math.max(0, Math.min(count - 1, i + delta));
        }
        screen.bridge.select(screen.bridge.sessions[index].id);
    }

    Keys.onUpPressed: screen.moveSelection(-1)
    Keys.onDownPressed: screen.moveSelection(1)
    Keys.onDeletePressed: {
        if (screen.hasDetail)
            screen.bridge.remove(screen.bridge.selectedId);
    }
    // F and T export the selected session (the buttons show the keys).
    Keys.onPressed: event => {
        if (event.modifiers !== Qt.NoModifier || !screen.hasDetail)
            return;
        if (event.key === Qt.Key_F) {
            screen.bridge.exportSelected("fit");
            event.accepted = true;
        } else if (event.key === Qt.Key_T) {
            screen.bridge.exportSelected("tcx");
            event.accepted = true;
        }
    }

    Component.onCompleted: screen.bridge.reload()

    function endedColor(kind: string): color {
        if (kind === "finished")
            return Theme.ok;
        if (kind === "interrupted" || kind === "link_lost" || kind === "error")
            return Theme.danger;
        return Theme.warning;
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gapLarge

        // ---- weeks and the list -------------------------------------------------------------
        ColumnLayout {
            Layout.preferredWidth: 470
            Layout.maximumWidth: 470
            Layout.fillHeight: true
            spacing: Theme.gap

            Label {
                textFormat: Text.PlainText
                text: qsTr("History")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }

            // Backward minutes per week, with the blocks under each bar.
            Rectangle {
                objectName: "weeksCard"
                visible: screen.bridge.count > 0
                Layout.fillWidth: true
                implicitHeight: 180
                radius: Theme.radius
                color: Theme.surface

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    spacing: 6
                    Label {
                        textFormat: Text.PlainText
                        objectName: "weekSummary"
                        text: screen.bridge.weekSummary
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall + 1
                        font.bold: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        spacing: 6
                        Repeater {
                            model: screen.bridge.weeks
                            delegate: ColumnLayout {
                                id: weekColumn
                                required property var modelData
                                // Eight equal columns whatever their words ("4 bloques" is wider
                                // than a column at 1024x600): the labels shrink to fit.
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                Layout.minimumWidth: 0
                                Layout.fillHeight: true
                                spacing: 2
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.alignment: Qt.AlignHCenter
                                    text: weekColumn.modelData.backwardMin > 0 ? Math.round(weekColumn.modelData.backwardMin) : ""
                                    color: Theme.text
                                    font.pixelSize: Theme.fontSmall - 3
                                }
                                Item {
                                    Layout.fillWidth: true
                                    Layout.fillHeight: true
                                    Rectangle {
                                        anchors.bottom: parent.bottom
                                        anchors.horizontalCenter: parent.horizontalCenter
                                        width: Math.min(parent.width, 34)
                                        height: Math.max(2, parent.height * weekColumn.modelData.fraction)
                                        radius: 4
                                        color: weekColumn.modelData.backwardMin > 0 ? Theme.backward : Theme.border
                                    }
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.alignment: Qt.AlignHCenter
                                    text: weekColumn.modelData.label
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall - 5
                                    Layout.maximumWidth: weekColumn.width
                                    fontSizeMode: Text.HorizontalFit
                                    minimumPixelSize: 7
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.alignment: Qt.AlignHCenter
                                    text: weekColumn.modelData.blocksText
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall - 5
                                    Layout.maximumWidth: weekColumn.width
                                    fontSizeMode: Text.HorizontalFit
                                    minimumPixelSize: 7
                                }
                            }
                        }
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                ListView {
                    id: sessionList
                    objectName: "sessionList"
                    anchors.fill: parent
                    anchors.margins: 8
                    clip: true
                    spacing: 4
                    model: screen.bridge.sessions
                    ScrollBar.vertical: ScrollBar {}

                    delegate: Rectangle {
                        id: sessionRow
                        required property var modelData
                        readonly property bool current: sessionRow.modelData.id === screen.bridge.selectedId

                        objectName: "session_" + sessionRow.modelData.id
                        Accessible.role: Accessible.ListItem
                        Accessible.name: sessionRow.modelData.date + " " + sessionRow.modelData.time + ", " + sessionRow.modelData.preset
                        width: ListView.view.width
                        implicitHeight: rowColumn.implicitHeight + 18
                        radius: Theme.radius - 2
                        color: sessionRow.current ? Theme.surfaceRaised : "transparent"
                        border.width: sessionRow.current ? 2 : 0
                        border.color: Theme.accent

                        TapHandler {
                            onTapped: screen.bridge.select(sessionRow.modelData.id)
                        }

                        ColumnLayout {
                            id: rowColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: 12
                            anchors.rightMargin: 12
                            spacing: 3
                            RowLayout {
                                spacing: 8
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.fillWidth: true
                                    text: sessionRow.modelData.preset
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    elide: Text.ElideRight
                                }
                                Tag {
                                    objectName: "sessionTag_" + sessionRow.modelData.id
                                    text: sessionRow.modelData.ended.toUpperCase()
                                    fill: screen.endedColor(sessionRow.modelData.endedKind)
                                }
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: sessionRow.modelData.date + "  " + sessionRow.modelData.time
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall - 1
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: qsTr("%1 · %2 backward · %3").arg(sessionRow.modelData.duration).arg(sessionRow.modelData.backward).arg(sessionRow.modelData.distance)
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall - 1
                            }
                        }
                    }

                    Label {
                        textFormat: Text.PlainText
                        objectName: "emptyHistory"
                        anchors.centerIn: parent
                        width: parent.width * 0.85
                        visible: sessionList.count === 0
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: screen.bridge.problem !== "" ? screen.bridge.problem : qsTr("No sessions yet.\nEvery session is recorded here as it runs.")
                        color: screen.bridge.problem !== "" ? Theme.warning : Theme.textDim
                        font.pixelSize: Theme.fontBody
                    }
                }
            }
        }

        // ---- one session ----------------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            Rectangle {
                objectName: "sessionDetail"
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                Label {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    visible: !screen.hasDetail
                    text: qsTr("Choose a session on the left.")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontBody
                }

                ColumnLayout {
                    visible: screen.hasDetail
                    anchors.fill: parent
                    anchors.margins: Theme.gapLarge
                    spacing: Theme.gap

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                textFormat: Text.PlainText
                                objectName: "detailTitle"
                                Layout.fillWidth: true
                                text: screen.detail.preset ?? ""
                                color: Theme.text
                                font.pixelSize: Theme.fontTitle
                                font.bold: true
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: Theme.fontBody
                                elide: Text.ElideRight
                            }
                            Label {
                                textFormat: Text.PlainText
                                objectName: "detailWhen"
                                // A session with skips or an early end says so (never only "Finished").
                                text: (screen.detail.date ?? "") + "  " + (screen.detail.time ?? "") + "  ·  " + (screen.detail.complete === false ? (screen.detail.outcomeText ?? "") : (screen.detail.ended ?? ""))
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall
                                // Wraps rather than pushing Delete past the card (French, German).
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                            }
                        }
                        ActionButton {
                            objectName: "deleteSessionButton"
                            implicitHeight: 48
                            font.pixelSize: Theme.fontSmall
                            text: qsTr("Delete")
                            keyHint: qsTr("Del")
                            textColor: Theme.danger
                            onClicked: screen.bridge.remove(screen.bridge.selectedId)
                        }
                    }

                    // Export: FIT or TCX into the documents folder (the notice says where).
                    RowLayout {
                        objectName: "exportRow"
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        ActionButton {
                            objectName: "exportFitButton"
                            implicitHeight: 48
                            font.pixelSize: Theme.fontSmall
                            enabled: !screen.bridge.exporting
                            text: qsTr("Export FIT")
                            keyHint: qsTr("F")
                            onClicked: screen.bridge.exportSelected("fit")
                        }
                        ActionButton {
                            objectName: "exportTcxButton"
                            implicitHeight: 48
                            font.pixelSize: Theme.fontSmall
                            enabled: !screen.bridge.exporting
                            text: qsTr("Export TCX")
                            keyHint: qsTr("T")
                            onClicked: screen.bridge.exportSelected("tcx")
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        StatTile {
                            objectName: "detailDuration"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 10
                            caption: qsTr("Time")
                            value: screen.detail.duration ?? ""
                            detail: qsTr("forward %1").arg(screen.detail.forward ?? "")
                            valueSize: Theme.fontTitle - 6
                            color: Theme.surfaceRaised
                        }
                        StatTile {
                            objectName: "detailBackward"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 10
                            caption: qsTr("Backward")
                            value: screen.detail.backward ?? ""
                            detail: screen.detail.blocksShort ?? ""
                            valueSize: Theme.fontTitle - 6
                            color: Theme.surfaceRaised
                        }
                        StatTile {
                            objectName: "detailDistance"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 10
                            caption: qsTr("Distance")
                            value: screen.detail.distance ?? ""
                            detail: qsTr("top %1").arg(screen.detail.maxSpeed ?? "")
                            valueSize: Theme.fontTitle - 6
                            color: Theme.surfaceRaised
                        }
                        StatTile {
                            objectName: "detailHeartRate"
                            visible: (screen.detail.hr ?? "") !== ""
                            Layout.fillWidth: true
                            Layout.preferredWidth: 10
                            caption: qsTr("Heart rate")
                            value: screen.detail.hr ?? ""
                            unit: qsTr("bpm")
                            detail: qsTr("avg · max %1").arg(screen.detail.hrMax ?? "")
                            valueSize: Theme.fontTitle - 6
                            color: Theme.surfaceRaised
                        }
                    }

                    SpeedChart {
                        objectName: "speedChart"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        chart: screen.detail.chart ?? ({})
                    }

                    // What happened (the numbered marks on the chart), as the summary said it.
                    SessionNotices {
                        Layout.fillWidth: true
                        notices: screen.detail.notices ?? []
                        rowsShown: 2
                    }

                    RowLayout {
                        spacing: Theme.gapLarge
                        Repeater {
                            model: [
                                {
                                    direction: "forward",
                                    word: qsTr("Forward")
                                },
                                {
                                    direction: "backward",
                                    word: qsTr("Backward (hatched)")
                                }
                            ]
                            delegate: RowLayout {
                                id: legendItem
                                required property var modelData
                                spacing: 6
                                DirectionIcon {
                                    direction: legendItem.modelData.direction
                                    implicitWidth: 16
                                    implicitHeight: 16
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    text: legendItem.modelData.word
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall - 1
                                }
                            }
                        }
                        RowLayout {
                            objectName: "hrLegend"
                            visible: (screen.detail.chart?.hr?.length ?? 0) > 0
                            spacing: 6
                            Rectangle {
                                implicitWidth: 22
                                implicitHeight: 3
                                color: "#cc79a7"
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: qsTr("Heart rate")
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall - 1
                            }
                        }
                    }
                }
            }

            // An export would replace a file: ask first.
            Rectangle {
                objectName: "exportOverwriteBar"
                visible: screen.bridge.overwritePath !== ""
                Layout.fillWidth: true
                implicitHeight: overwriteRow.implicitHeight + 16
                radius: Theme.radius
                color: Theme.surfaceRaised
                border.width: 2
                border.color: Theme.warning

                RowLayout {
                    id: overwriteRow
                    anchors.fill: parent
                    anchors.leftMargin: Theme.gap
                    anchors.rightMargin: 8
                    Label {
                        textFormat: Text.PlainText
                        objectName: "exportOverwriteText"
                        Layout.fillWidth: true
                        text: qsTr("%1 already exists. Replace it?").arg(screen.bridge.overwritePath)
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WrapAnywhere
                    }
                    ActionButton {
                        objectName: "exportReplaceButton"
                        implicitHeight: 48
                        text: qsTr("Replace")
                        fill: Theme.warning
                        textColor: Theme.background
                        onClicked: screen.bridge.replaceExisting()
                    }
                    ActionButton {
                        objectName: "exportKeepButton"
                        implicitHeight: 48
                        text: qsTr("Keep it")
                        onClicked: screen.bridge.keepExisting()
                    }
                }
            }

            Rectangle {
                objectName: "historyUndoBar"
                visible: screen.bridge.canUndo
                Layout.fillWidth: true
                implicitHeight: 64
                radius: Theme.radius
                color: Theme.surfaceRaised

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.gap
                    anchors.rightMargin: 8
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: screen.bridge.undoText
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    ActionButton {
                        objectName: "historyUndoButton"
                        implicitHeight: 48
                        text: qsTr("Undo")
                        fill: Theme.accent
                        textColor: Theme.background
                        onClicked: screen.bridge.undo()
                    }
                }
            }
        }
    }
}
