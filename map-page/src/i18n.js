/**
 * UI strings of the map page in English ('en', default) and Chinese ('zh', chosen with `?lang=zh`).
 * Data labels (titles, measure labels, region names) come from the GeoJSON metadata: `*_zh` fields are used
 * when lang is 'zh' and present, the English field otherwise.
 */
export const STRINGS = {
  en: {
    pageTitle: 'AgriSafe map',
    layer: 'Layer',
    measure: 'Measure',
    period: 'Period',
    classification: 'Classes',
    fixed: 'Fixed breaks',
    quantile: 'Quantiles (5, all periods)',
    noData: 'No data',
    tooFew: 'Too few samples (< {min})',
    syntheticBanner: 'Synthetic data: the figures on this map are invented for testing and demonstration, not measurements.',
    source: 'Source',
    programmes: 'Programmes',
    crs: 'CRS',
    loading: 'Loading…',
    clickHint: 'Click a region to see its figures.',
    samples: 'Samples',
    numerator: 'Numerator',
    rate: 'Rate',
    ci: '95 % CI (Wilson)',
    generated: 'generated',
    region: 'Region',
    code: 'Code',
    giZ: 'Gi* z',
    hotspot: 'Hot-spot class',
    lisa: 'LISA class',
    notClassified: 'Too few samples for a rate or hot-spot claim (fewer than {min}); not coloured on the map.',
    noDataPeriod: 'No data for this period.',
    legendNote: 'Each class includes its lower bound.',
    legendQuantile: 'Quantile breaks over all periods of this layer.',
    legendFixed: 'Fixed breaks, the same for every period.',
    legendHotspot: 'Getis–Ord Gi* hot/cold spots by confidence level.',
    close: 'Close',
    errorLoad: 'Cannot load the map data',
    problems: '{n} problem(s) in {file}; the regions concerned are drawn as “no data”:',
    HOT_99: 'Hot spot (99 %)', HOT_95: 'Hot spot (95 %)', HOT_90: 'Hot spot (90 %)',
    NOT_SIGNIFICANT: 'Not significant',
    COLD_90: 'Cold spot (90 %)', COLD_95: 'Cold spot (95 %)', COLD_99: 'Cold spot (99 %)',
    HH: 'High–High', LL: 'Low–Low', HL: 'High–Low', LH: 'Low–High', NS: 'Not significant',
  },
  zh: {
    pageTitle: 'AgriSafe 地图',
    layer: '图层',
    measure: '指标',
    period: '时段',
    classification: '分级',
    fixed: '固定分级',
    quantile: '分位数（5级，全部时段）',
    noData: '无数据',
    tooFew: '样品数过少（< {min}）',
    syntheticBanner: '模拟数据：本图数字为测试与演示而编造，并非实测结果。',
    source: '来源',
    programmes: '抽样类型',
    crs: '坐标系',
    loading: '加载中…',
    clickHint: '点击区域查看详细数据。',
    samples: '样品数',
    numerator: '分子',
    rate: '比率',
    ci: '95% 置信区间（Wilson）',
    generated: '生成于',
    region: '区域',
    code: '代码',
    giZ: 'Gi* z 值',
    hotspot: '热点类别',
    lisa: 'LISA 类别',
    notClassified: '样品数过少（少于 {min}），不计算比率、不作热点判断，地图上不着色。',
    noDataPeriod: '该时段无数据。',
    legendNote: '每级包含其下限。',
    legendQuantile: '按本图层全部时段的分位数分级。',
    legendFixed: '固定分级，各时段相同。',
    legendHotspot: 'Getis–Ord Gi* 冷热点（按置信水平）。',
    close: '关闭',
    errorLoad: '无法加载地图数据',
    problems: '{file} 中有 {n} 个问题；相关区域按“无数据”绘制：',
    HOT_99: '热点（99%）', HOT_95: '热点（95%）', HOT_90: '热点（90%）',
    NOT_SIGNIFICANT: '不显著',
    COLD_90: '冷点（90%）', COLD_95: '冷点（95%）', COLD_99: '冷点（99%）',
    HH: '高–高', LL: '低–低', HL: '高–低', LH: '低–高', NS: '不显著',
  },
};

/** Returns a translator `t(key, vars)` for lang 'en' or 'zh' (anything else falls back to 'en'). */
export function translator(lang) {
  const table = STRINGS[lang] ?? STRINGS.en;
  return (key, vars = {}) => {
    const s = table[key] ?? STRINGS.en[key] ?? key;
    return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? `{${k}}`));
  };
}

/** Picks `obj[field + '_zh']` when lang is 'zh' and it is a non-empty string, else `obj[field]`. */
export function localized(obj, field, lang) {
  if (lang === 'zh' && typeof obj?.[`${field}_zh`] === 'string' && obj[`${field}_zh`] !== '') return obj[`${field}_zh`];
  return obj?.[field];
}
