"""Messages of the township map: the boundaries file (行政区划), its checks, the map chart."""

MESSAGES: dict[str, tuple[str, str]] = {
    # The whole file refused (data_access/regions/shapes.py read_features)
    "map.file.empty": ("文件是空的。", "The file is empty."),
    "map.file.too_large": (
        "文件太大（{size:.1f} MB），上限为 {limit:.0f} MB。请在 QGIS 等软件中简化边界后再上传。",
        "The file is too large ({size:.1f} MB); the limit is {limit:.0f} MB. Simplify the "
        "boundaries (e.g. in QGIS) and upload again.",
    ),
    "map.file.not_json": (
        "不是有效的 GeoJSON 文件：第 {line} 行第 {column} 列不符合 JSON 格式。"
        "请上传从 QGIS 等软件导出的 .geojson 文件。",
        "Not a valid GeoJSON file: line {line}, column {column} is not valid JSON. Upload a "
        ".geojson file exported from QGIS or similar software.",
    ),
    "map.file.too_deep": (
        "不是有效的 GeoJSON 文件：嵌套层数异常。",
        "Not a valid GeoJSON file: it is nested abnormally deep.",
    ),
    "map.file.encoding": (
        "无法识别文件的编码：GeoJSON 应为 UTF-8 编码。",
        "The file's encoding is not recognised: GeoJSON should be UTF-8.",
    ),
    "map.file.topojson": (
        "这是 TopoJSON 文件。请先转换为 GeoJSON（如在 mapshaper 或 QGIS 中另存为 GeoJSON）。",
        "This is a TopoJSON file. Convert it to GeoJSON first (e.g. save it as GeoJSON in "
        "mapshaper or QGIS).",
    ),
    "map.file.not_collection": (
        "不是 GeoJSON 要素集合（FeatureCollection），文件的类型是“{kind}”。"
        "请导出含各{term_township}边界的 FeatureCollection。",
        "Not a GeoJSON FeatureCollection (the file's type is “{kind}”). Export a "
        "FeatureCollection holding each {term_township}'s boundary.",
    ),
    "map.file.no_features": (
        "文件里没有任何要素（features 为空）。",
        "The file holds no features (features is empty).",
    ),
    # One feature (listed; the file cannot be saved while any remains)
    "map.feature.not_feature": (
        "第 {number} 个要素：不是 GeoJSON 要素（Feature）。",
        "Feature {number}: not a GeoJSON Feature.",
    ),
    "map.feature.no_name": (
        "第 {number} 个要素：找不到{term_township}名称（已有属性：{keys}）。"
        "请把名称写在 {names} 等属性中。",
        "Feature {number}: no {term_township} name found (its properties: {keys}). Put the "
        "name in a property such as {names}.",
    ),
    "map.feature.unmatched": (
        "第 {number} 个要素“{name}”：{reason}",
        "Feature {number} “{name}”: {reason}",
    ),
    "map.feature.out_of_scope": (
        "第 {number} 个要素“{name}”：不在本账号的{term_township}范围内。",
        "Feature {number} “{name}”: outside this account's {term_townships}.",
    ),
    "map.feature.bad_geometry": (
        "第 {number} 个要素“{name}”：{reason}",
        "Feature {number} “{name}”: {reason}",
    ),
    # Geometry checks (data_access/regions/geometry.py)
    "map.geometry.not_polygon": (
        "边界须为多边形（Polygon 或 MultiPolygon），这里是“{kind}”。",
        "A boundary must be a Polygon or MultiPolygon, not “{kind}”.",
    ),
    "map.geometry.no_coordinates": ("边界没有坐标。", "The boundary has no coordinates."),
    "map.geometry.too_small": (
        "边界太小，无法画出（不足三个不同的点）。",
        "The boundary is too small to draw (fewer than three distinct points).",
    ),
    "map.geometry.bad_position": (
        "坐标“{value}”不是经度、纬度两个数。",
        "The position “{value}” is not two numbers (longitude, latitude).",
    ),
    "map.geometry.not_degrees": (
        "坐标（{lon}, {lat}）超出经纬度范围，文件可能用的是投影坐标（以米计）。请在 QGIS 中导出为"
        "经纬度坐标（WGS 84 即 EPSG:4326，或 CGCS2000 即 EPSG:4490）。",
        "The position ({lon}, {lat}) is outside longitude/latitude: the file may use projected "
        "coordinates (metres). Export it in longitude/latitude from QGIS (WGS 84, EPSG:4326, or "
        "CGCS2000, EPSG:4490).",
    ),
    # Saving
    "map.save.refused": (
        "边界文件还有未匹配或无法读取的要素，未保存。",
        "The boundaries file still has unmatched or unreadable features; nothing was saved.",
    ),
    "map.save.regions_changed": (
        "行政区划在检查之后有变化，请重新上传边界文件。",
        "The regions changed after the check; upload the boundaries file again.",
    ),
    # The map chart (charts/map.py)
    "map.chart.title": ("各{term_township}{metric}", "{metric} map"),
    "map.chart.title_schematic": ("各{term_township}{metric}（示意图）", "{metric} (schematic)"),
    "map.chart.schematic_note": (
        "示意布局，不代表实际边界",
        "A schematic layout, not real boundaries",
    ),
    "map.chart.subtitle": (
        "点击{term_township}即筛选；灰色：没有问题",
        "Click a {term_township} to filter; grey: no problems",
    ),
    # The boundaries section of 行政区划 (components/boundaries.py)
    "map.admin.title": ("{term_township}边界（地图）", "{term_Township} boundaries (map)"),
    "map.admin.none": (
        "尚未保存{term_township}边界，乡镇对比页不显示地图。",
        "No {term_township} boundaries are stored; the comparison page shows no map.",
    ),
    "map.admin.stored.office": (
        "已保存 {count} 个{term_township}的边界，乡镇对比页显示地图。上传新文件将替换全部边界。",
        "Boundaries of {count} {term_townships} are stored and mapped on the comparison page. "
        "A new file replaces them all.",
    ),
    "map.admin.stored.schematic": (
        "现为 {count} 个{term_township}的示意布局（六边形，不代表实际边界），地图标注“示意图”。"
        "上传本单位的边界文件即替换。",
        "A schematic layout of {count} {term_townships} is stored (hexagons, not real "
        "boundaries); the map says so. Uploading the office's boundaries replaces it.",
    ),
    "map.admin.intro": (
        "上传 GeoJSON 文件（经纬度坐标，每个{term_township}一个要素，名称写在 name 等属性中），"
        "按名称或别名对应到已登记的{term_township}；地图只在本机绘制，不连接任何在线地图。"
        "准备方法见 docs/map.md。",
        "Upload a GeoJSON file (longitude/latitude, one feature per {term_township}, its name "
        "in a property such as name); features are matched to the registered {term_townships} "
        "by name or alias. The map is drawn locally and never contacts an online map service. "
        "How to prepare the file: docs/map.md.",
    ),
    "map.admin.uploader": (
        "上传边界文件（GeoJSON，不超过 {limit} MB）",
        "Upload the boundaries file (GeoJSON, at most {limit} MB)",
    ),
    "map.admin.uploader_help": (
        "把 .geojson 文件拖到框里，或点按钮选择文件；上传后先检查，确认后才保存。",
        "Drag a .geojson file into the box or click the button to choose one; it is checked "
        "first and saved only when you confirm.",
    ),
    "map.admin.refused": ("文件未被接受：", "The file was refused:"),
    "map.admin.count.matched": ("已对应的{term_township}", "{term_Townships} matched"),
    "map.admin.count.unmatched": ("未对应的要素", "Features not matched"),
    "map.admin.count.missing": ("没有边界的{term_township}", "{term_Townships} without a boundary"),
    "map.admin.unmatched": (
        "以下要素对应不到已登记的{term_township}。请改正文件中的名称，或在上方行政区划中登记别名后重新上传。",
        "These features match no registered {term_township}. Correct the names in the file, or "
        "register aliases in the regions above, then upload again.",
    ),
    "map.admin.column.problem": ("问题", "Problem"),
    "map.admin.column.township": ("{term_township}", "{term_Township}"),
    "map.admin.column.in_file": ("文件中的名称", "Name in the file"),
    "map.admin.missing": (
        "以下现有{term_township}在文件中没有边界，地图上不会显示：",
        "These {term_townships} in force have no boundary in the file and will not be mapped:",
    ),
    "map.admin.fix_first": (
        "文件中的每个要素都对应到{term_township}后才能保存。",
        "The file can be saved once every feature matches a {term_township}.",
    ),
    "map.admin.save": ("保存 {count} 个{term_township}的边界", "Save {count} boundaries"),
    "map.admin.saved": (
        "已保存 {count} 个{term_township}的边界。",
        "Saved the boundaries of {count} {term_townships}.",
    ),
    "map.admin.schematic_hint": (
        "暂时没有边界文件时，可以先生成示意布局：每个{term_township}一个六边形，地图标注“示意图”。",
        "Without a boundaries file you may use a schematic layout: a hexagon per "
        "{term_township}, marked as schematic on the map.",
    ),
    "map.admin.schematic": ("生成示意布局", "Use a schematic layout"),
    "map.admin.schematic_saved": (
        "已生成 {count} 个{term_township}的示意布局。",
        "Schematic layout of {count} {term_townships} stored.",
    ),
    # The command line (data_access/cli/map_import.py): bilingual in the Chinese form
    "cli.command.import_map": (
        "导入乡镇边界（GeoJSON）/ import township boundaries",
        "import the townships' boundaries (GeoJSON)",
    ),
    "cli.map.help.file": ("乡镇边界 GeoJSON 文件 / boundaries file", "boundaries file (GeoJSON)"),
    "cli.map.matched": ("已对应 {count} 个乡镇 / {count} matched", "{count} townships matched"),
    "cli.map.missing": (
        "没有边界的乡镇 / without a boundary：{names}",
        "townships without a boundary: {names}",
    ),
    "cli.map.refused": (
        "{count} 个要素未对应，未保存 / {count} features unmatched, nothing saved",
        "{count} features unmatched, nothing saved",
    ),
    "cli.map.saved": (
        "已保存 {count} 个乡镇的边界 / {count} boundaries saved",
        "boundaries of {count} townships saved",
    ),
}
