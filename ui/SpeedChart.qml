import QtQuick

// A recorded session's speed over time: phases as bands (backward ones hatched), the speed line
// coloured by direction, heart rate (when known) as a dashed line on its own scale at the right.
// `chart` is the history bridge's {points, hr, phases, notices, duration, maxSpeed, minHr, maxHr,
// speedUnit}. What happened (notices: a link drop, a stop from the console...) is marked with its
// number, as the list under the chart and the summary give it; a link drop's span is shaded.
// Every text is drawn whole and inside the chart: a phase band too narrow for its name gets its
// short name, and the time labels are kept inside the edges (the last one was cut to "10 mi").
Canvas {
    id: canvas

    property var chart: ({})
    readonly property color hrColor: "#cc79a7" // Okabe–Ito reddish purple: apart from both directions
    // What the last paint wrote: [{kind: "band"|"time"|"notice", text, x, width, left, right}] (the band's
    // or the chart's bounds), so tests can check that every label is whole and in its place.
    property var drawnLabels: []

    onChartChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
    onHeightChanged: canvas.requestPaint()

    function shade(c: color, alpha: real): string {
        return Qt.rgba(c.r, c.g, c.b, alpha).toString();
    }

    onPaint: {
        const ctx = canvas.getContext("2d");
        ctx.reset();
        const data = canvas.chart;
        const drawn = [];
        if (!data || !data.points || data.points.length === 0) {
            canvas.drawnLabels = drawn;
            return;
        }
        const left = 56, right = data.hr.length > 0 ? 52 : 16, top = 28, bottom = 34;
        const w = canvas.width - left - right;
        const h = canvas.height - top - bottom;
        const maxSpeed = Math.ceil(data.maxSpeed + 0.5);
        const x = t => left + w * t / data.duration;
        const y = v => top + h * (1 - v / maxSpeed);

        // phase bands and their names
        ctx.font = "15px sans-serif";
        for (const p of data.phases) {
            const x0 = x(p.start), x1 = x(p.end);
            const colour = Theme.directionColor(p.direction);
            ctx.fillStyle = canvas.shade(colour, p.direction === "backward" ? 0.22 : 0.08);
            ctx.fillRect(x0, top, x1 - x0, h);
            if (p.direction === "backward") {
                ctx.save();
                ctx.beginPath();
                ctx.rect(x0, top, x1 - x0, h);
                ctx.clip();
                ctx.strokeStyle = canvas.shade(colour, 0.35);
                ctx.lineWidth = 2;
                for (let hx = x0 - h; hx < x1; hx += 14) {
                    ctx.beginPath();
                    ctx.moveTo(hx, top + h);
                    ctx.lineTo(hx + h, top);
                    ctx.stroke();
                }
                ctx.restore();
            }
            ctx.strokeStyle = canvas.shade(Theme.border, 1.0);
            ctx.lineWidth = 1;
            ctx.beginPath();
            ctx.moveTo(x0, top);
            ctx.lineTo(x0, top + h);
            ctx.stroke();
            // The name if it fits over the band, else the short name, else nothing.
            const room = x1 - x0 - 6;
            const name = [p.label, p.short ?? ""].find(n => n !== "" && ctx.measureText(n).width <= room);
            if (name !== undefined) {
                const width = ctx.measureText(name).width;
                ctx.fillStyle = canvas.shade(colour, 1.0);
                ctx.fillText(name, x0 + 4, top - 8);
                drawn.push({
                    kind: "band",
                    text: name,
                    x: x0 + 4,
                    width: width,
                    left: x0,
                    right: x1
                });
            }
        }

        // axes: speed on the left, minutes along the bottom
        ctx.fillStyle = canvas.shade(Theme.textDim, 1.0);
        ctx.strokeStyle = canvas.shade(Theme.border, 0.6);
        ctx.lineWidth = 1;
        // Labels at least a line apart, however short the chart is (1280x720: ~60 px).
        const speedStep = [1, 2, 5, 10, 20, 50].filter(s => s < maxSpeed).find(s => h * s / maxSpeed >= 18) ?? maxSpeed;
        for (let v = 0; v <= maxSpeed; v += speedStep) {
            ctx.beginPath();
            ctx.moveTo(left, y(v));
            ctx.lineTo(left + w, y(v));
            ctx.stroke();
            ctx.fillText(String(v), left - 28, y(v) + 5);
            drawn.push({
                kind: "speed",
                text: String(v),
                x: left - 28,
                y: y(v),
                width: ctx.measureText(String(v)).width,
                left: 0,
                right: left
            });
        }
        ctx.save();
        ctx.translate(16, top + h / 2);
        ctx.rotate(-Math.PI / 2);
        ctx.fillText(data.speedUnit, -16, 0);
        ctx.restore();
        const minutes = data.duration / 60;
        const minuteStep = minutes > 40 ? 10 : (minutes > 15 ? 5 : (minutes > 4 ? 1 : 0.5));
        for (let m = 0; m <= minutes + 1e-9; m += minuteStep) {
            const text = qsTr("%1 min").arg(m % 1 ? Number(m).toLocaleString(Qt.locale(), "f", 1) : m);
            const width = ctx.measureText(text).width;
            // Centred on its tick, but never past the chart's edges.
            const tx = Math.max(0, Math.min(x(m * 60) - width / 2, canvas.width - width));
            ctx.fillText(text, tx, top + h + 24);
            drawn.push({
                kind: "time",
                text: text,
                x: tx,
                width: width,
                left: 0,
                right: canvas.width
            });
        }

        // the speed, coloured by direction: one path per run of the same direction
        ctx.lineJoin = "round";
        ctx.lineCap = "round";
        let run = [];
        let runDirection = "";
        const flush = () => {
            if (run.length < 2)
                return;
            ctx.strokeStyle = canvas.shade(Theme.directionColor(runDirection), 1.0);
            ctx.lineWidth = runDirection === "backward" ? 4 : 3;
            ctx.beginPath();
            ctx.moveTo(x(run[0].t), y(run[0].speed));
            for (let i = 1; i < run.length; ++i)
                ctx.lineTo(x(run[i].t), y(run[i].speed));
            ctx.stroke();
        };
        for (const p of data.points) {
            if (run.length > 0 && p.direction !== runDirection) {
                run.push(p); // the old run reaches the first point of the new one: no gap
                flush();
                run = [];
            }
            if (run.length === 0)
                runDirection = p.direction;
            run.push(p);
        }
        flush();

        // what happened: a numbered mark (and a link drop's span) at its time
        ctx.font = "bold 14px sans-serif";
        for (const n of (data.notices ?? [])) {
            const x0 = x(n.t), x1 = x(Math.min(n.end, data.duration));
            if (x1 - x0 >= 1) {
                ctx.fillStyle = canvas.shade(Theme.warning, 0.18);
                ctx.fillRect(x0, top, x1 - x0, h);
            }
            ctx.strokeStyle = canvas.shade(Theme.warning, 1.0);
            ctx.lineWidth = 2;
            ctx.setLineDash([4, 3]);
            ctx.beginPath();
            ctx.moveTo(x0, top);
            ctx.lineTo(x0, top + h);
            ctx.stroke();
            ctx.setLineDash([]);
            const text = String(n.n);
            const r = 10;
            const cx = Math.max(left + r, Math.min(x0, left + w - r));
            const cy = top + r + 2 + ((n.n - 1) % 3) * (2 * r + 2); // marks close together stack
            ctx.fillStyle = canvas.shade(Theme.warning, 1.0);
            ctx.beginPath();
            ctx.arc(cx, cy, r, 0, 2 * Math.PI);
            ctx.fill();
            const width = ctx.measureText(text).width;
            ctx.fillStyle = canvas.shade(Theme.background, 1.0);
            ctx.fillText(text, cx - width / 2, cy + 5);
            drawn.push({
                kind: "notice",
                text: text,
                x: cx - width / 2,
                width: width,
                left: left,
                right: left + w
            });
        }
        ctx.font = "15px sans-serif";

        // heart rate on its own scale
        if (data.hr.length > 1) {
            const lo = Math.floor((data.minHr - 5) / 10) * 10;
            const hi = Math.ceil((data.maxHr + 5) / 10) * 10;
            const yh = b => top + h * (1 - (b - lo) / Math.max(1, hi - lo));
            ctx.strokeStyle = canvas.shade(canvas.hrColor, 1.0);
            ctx.lineWidth = 2;
            ctx.setLineDash([6, 4]);
            ctx.beginPath();
            ctx.moveTo(x(data.hr[0].t), yh(data.hr[0].bpm));
            for (const s of data.hr)
                ctx.lineTo(x(s.t), yh(s.bpm));
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = canvas.shade(canvas.hrColor, 1.0);
            ctx.fillText(String(hi), left + w + 8, yh(hi) + 5);
            ctx.fillText(String(lo), left + w + 8, yh(lo) + 5);
            ctx.fillText("bpm", left + w + 8, top + h / 2);
        }
        canvas.drawnLabels = drawn;
    }
}
